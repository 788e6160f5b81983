import { ResourceView } from '@/components/resource-view';

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  return { title: decodeURIComponent(kind) };
}

export default async function ResourcePage({ params }: { params: Promise<{ kind: string }> }) {
  const { kind } = await params;
  return <ResourceView param={decodeURIComponent(kind)} />;
}
