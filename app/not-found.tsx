import Link from 'next/link';

export const metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <div className="max-w-xl">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="mt-1 text-muted">There is no page at this address. It may have moved, or the link may be mistyped.</p>
      <Link href="/pods" className="mt-3 inline-block font-medium text-accent underline underline-offset-2">
        Go to Pods
      </Link>
    </div>
  );
}
