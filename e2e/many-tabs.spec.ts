import * as k8s from '@kubernetes/client-node';
import { expect, test } from './fixtures';
import { coreApi, setupKubeConfig, uniqueName } from './kube';
import { LiveTab } from './pages/live-tab';

// Chromium allows six HTTP/1.1 connections per host. With one SSE stream per tab the seventh studio
// tab never loaded and every other request stalled; the tabs now share one stream per
// (context, namespace) through a SharedWorker, which outlives the tab that opened it.
const TABS: [path: string, title: string][] = [
  ['/pods?ns=default', 'Pods'],
  ['/resources/pods?ns=default', 'Pod'],
  ['/rollouts', 'Rollouts'],
  ['/pods?ns=default', 'Pods'],
  ['/resources/deployments.apps', 'Deployment'],
  ['/resources/pods?ns=default', 'Pod'],
  ['/pods?ns=default', 'Pods'],
  ['/resources/pods?ns=default', 'Pod'],
];

function appsApi(): k8s.AppsV1Api {
  return setupKubeConfig().makeApiClient(k8s.AppsV1Api);
}

const podBody = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } });

test('eight tabs share the live stream: all load, all update, and they keep updating after the first tab closes', async ({ context }) => {
  test.setTimeout(240_000);
  const api = coreApi('sandbox');
  const created: string[] = [];
  const deployment = uniqueName('e2e-tabs');
  const tabs: LiveTab[] = [];
  try {
    for (const [path, title] of TABS) {
      const tab = new LiveTab(await context.newPage(), path, title);
      await tab.open();
      await tab.expectLive();
      tabs.push(tab);
    }
    // Requests other than the stream still get a connection, in every tab.
    for (const tab of tabs) expect(await tab.clusterInfoStatus()).toBe(200);

    const first = uniqueName('e2e-tabs');
    created.push(first);
    await api.createNamespacedPod({ namespace: 'default', body: podBody(first) });
    const podTabs = tabs.filter((t) => t.listTitle === 'Pods' || t.listTitle === 'Pod');
    for (const tab of podTabs) await tab.expectRow(first);

    await appsApi().createNamespacedDeployment({
      namespace: 'default',
      body: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: deployment, namespace: 'default' },
        spec: { selector: { matchLabels: { app: deployment } }, template: { metadata: { labels: { app: deployment } }, spec: { containers: [{ name: 'app', image: 'busybox:1.36' }] } } },
      },
    });
    await tabs.find((t) => t.listTitle === 'Deployment')!.expectRow(deployment);

    // The tab that opened the shared stream goes; the others keep receiving events.
    await tabs[0].page.close();
    const rest = podTabs.filter((t) => t !== tabs[0]);
    const second = uniqueName('e2e-tabs');
    created.push(second);
    await api.createNamespacedPod({ namespace: 'default', body: podBody(second) });
    for (const tab of rest) await tab.expectRow(second);
    await api.deleteNamespacedPod({ name: first, namespace: 'default', gracePeriodSeconds: 0 });
    for (const tab of rest) await tab.expectNoRow(first);

    // A tab opened now (a ninth page load) still loads and joins with a full list, not only later events.
    const late = new LiveTab(await context.newPage(), '/resources/pods?ns=default', 'Pod');
    await late.open();
    await late.expectLive();
    await late.expectRow(second);
    for (const tab of [...tabs.slice(1), late]) await expect(tab.shell.connection).toHaveAccessibleName(/Connected/);
  } finally {
    for (const name of created) await api.deleteNamespacedPod({ name, namespace: 'default', gracePeriodSeconds: 0 }).catch(() => undefined);
    await appsApi().deleteNamespacedDeployment({ name: deployment, namespace: 'default' }).catch(() => undefined);
  }
});
