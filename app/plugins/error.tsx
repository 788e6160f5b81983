'use client';
import { RouteError } from '@/components/route-error';

export default function ErrorBoundary({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError what="plugins" error={error} retry={retry} />;
}
