// Next.js calls register() once per server start, before serving requests.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First: an exposed studio without sign-in must not serve a single request.
  const { bootAuth } = await import('./lib/auth/boot');
  bootAuth();
  const { bootstrap } = await import('./lib/k8s/bootstrap');
  // Never throws: failures become problems shown by /api/cluster.
  await bootstrap();
}
