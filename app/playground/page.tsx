import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { PlaygroundView } from '@/components/playground/playground-view';

export const metadata = { title: 'Playground' };

export default function PlaygroundPage() {
  return (
    <>
      <PageHeader title="Playground">Type Lua and see what production would do, at once: tagging plugins and routing scripts run in your browser, nothing is sent to a server. Only want to check a script against its target's dialect?{' '}
        <Link href="/playground/editor" className="underline">Script check</Link>
      </PageHeader>
      <PlaygroundView />
    </>
  );
}
