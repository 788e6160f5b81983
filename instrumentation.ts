// Next.js calls register() once per server start, before serving requests.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { bootstrap } = await import('./lib/k8s/bootstrap');
  // Never throws: failures become problems shown by /api/cluster.
  await bootstrap();
}
