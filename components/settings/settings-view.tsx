'use client';
import type { ReactNode } from 'react';
import { ConnectionDetails } from './connection-details';
import { CustomKindForm } from './custom-kind-form';
import { DeepflowSettingsForm } from './deepflow-settings';
import { KindRegistryTable } from './kind-registry-table';

interface Section {
  id: string;
  title: string;
  description?: string;
  render: () => ReactNode;
}

// Ordered data, like every detail view: adding a section is one entry here.
const sections: readonly Section[] = [
  { id: 'connection', title: 'Cluster connection', render: () => <ConnectionDetails /> },
  {
    id: 'deepflow',
    title: 'DeepFlow',
    description: 'What the pods and plugins pages emulate: the agent configuration and the DeepFlow release. Shared by everyone using this studio.',
    render: () => <DeepflowSettingsForm />,
  },
  {
    id: 'add-kind',
    title: 'Add a custom resource',
    description: 'Any CRD served by the cluster can be listed live. Entries are kept in this browser only.',
    render: () => <CustomKindForm />,
  },
  {
    id: 'registry',
    title: 'Kind registry',
    description: 'Every kind the studio knows. Select a kind to open its live list.',
    render: () => <KindRegistryTable />,
  },
];

export function SettingsView() {
  return (
    <div className="flex flex-col gap-6">
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`settings-${s.id}`} className="flex flex-col gap-2">
          <div>
            <h2 id={`settings-${s.id}`} className="text-[15px] font-semibold">
              {s.title}
            </h2>
            {s.description ? <p className="text-muted">{s.description}</p> : null}
          </div>
          {s.render()}
        </section>
      ))}
    </div>
  );
}
