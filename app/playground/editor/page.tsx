import { LuaScratchpad } from '@/components/editor/lua-scratchpad';
import { PageHeader } from '@/components/page-header';

export const metadata = { title: 'Script check' };

export default function ScriptCheckPage() {
  return (
    <>
      <PageHeader title="Script check">Check a script against the Lua dialect of its target, as you type. Nothing is run and nothing leaves your browser.</PageHeader>
      <LuaScratchpad />
    </>
  );
}
