'use client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useClusterInfo } from '@/lib/k8s/hooks';
import { NAMESPACE_PARAM } from './use-namespace';

/** Says that the namespace in `?ns=` is not there (a stale or mistyped link), instead of an empty list. */
export function NamespaceMissing({ namespace }: { namespace: string }) {
  const t = useTranslations('shell.namespaceMissing');
  const context = useClusterInfo().data?.current;
  const pathname = usePathname();
  const params = new URLSearchParams(useSearchParams().toString());
  params.delete(NAMESPACE_PARAM);
  const q = params.toString();
  return (
    <div role="alert" className="rounded-md border border-warn/50 bg-warn-soft px-4 py-3">
      <p className="font-semibold text-warn">
        {context ? t('titleInContext', { namespace, context }) : t('title', { namespace })}
      </p>
      <p className="mt-1 text-muted">
        {t('body')}{' '}
        <Link href={q ? `${pathname}?${q}` : pathname} className="font-medium text-accent underline underline-offset-2">
          {t('showAll')}
        </Link>
      </p>
    </div>
  );
}
