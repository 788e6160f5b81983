import { ComingLater } from '@/components/coming-later';
import { PageHeader } from '@/components/page-header';

export const metadata = { title: 'Playground' };

export default function PlaygroundPage() {
  return (
    <>
      <PageHeader title="Playground">A scratchpad for Lua as Kubernetes tools run it.</PageHeader>
      <ComingLater
        title="Lua editor with in-browser preview"
        items={[
          'A Monaco editor with Lua highlighting and diagnostics for the gopher-lua dialect of each target.',
          'Runs your script in a Web Worker in the browser, with the time and memory limits of the real host.',
          'Input objects from the cluster or from Kruise test data, and the result shown side by side.',
        ]}
      >
        Nothing here is sent to a server: scripts will run entirely in your browser.
      </ComingLater>
    </>
  );
}
