import { PageHeader } from '@/components/page-header';
import { AuditView } from '@/components/audit/audit-view';

export const metadata = { title: 'Audit' };

export default function AuditPage() {
  return (
    <>
      <PageHeader title="Audit">Every write the studio made or attempted: who, when, the target object, its resourceVersion before and after, the diff and the outcome.</PageHeader>
      <AuditView />
    </>
  );
}
