// Dates render on the server and again in the browser; one zone for both avoids hydration
// mismatches. The studio's own zone (TZ, else the host's), like kubectl's local times.
export function studioTimeZone(env: Record<string, string | undefined>): string {
  const tz = env.STUDIO_TIME_ZONE || env.TZ;
  if (tz) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return tz;
    } catch {
      // an unknown zone name falls through to the host's
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
