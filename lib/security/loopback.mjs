// Loopback names (a browser can never be rebound to them, and only this machine reaches them).
// Plain JavaScript so that scripts/start.mjs can decide before building, with the same rule as the app.

/** `localhost`, 127.0.0.0/8, ::1 (and ::ffff:127.x). */
export function isLoopbackHostname(hostname) {
  const h = String(hostname).toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v4);
  return !!m && m[1] === '127' && m.slice(2).every((p) => Number(p) <= 255);
}
