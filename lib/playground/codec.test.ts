import { describe, expect, it } from 'vitest';
import { decodeShareHash, encodeShareHash, loadStored, saveStored, STORAGE_KEY, type StorageLike } from './codec';
import { defaultState, type PlaygroundState } from './state';

function memory(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

async function deflate(text: string): Promise<string> {
  const bytes = new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  return Buffer.from(bytes).toString('base64url');
}

describe('local storage', () => {
  it('round-trips the state', () => {
    const st = memory();
    const s: PlaygroundState = { ...defaultState(), mode: 'cluster', cluster: { source: 'return 1' } };
    expect(saveStored(st, s)).toEqual({ ok: true });
    expect(loadStored(st)).toEqual(s);
  });

  it('reads a damaged entry as nothing, and reports a full storage', () => {
    const st = memory();
    st.data.set(STORAGE_KEY, '{not json');
    expect(loadStored(st)).toBeNull();
    const full: StorageLike = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    const r = saveStored(full, defaultState());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/QuotaExceededError.*Share or Export/);
    expect(loadStored(null)).toBeNull();
  });
});

describe('share hash', () => {
  it('reproduces the shared mode over the base state', async () => {
    const s: PlaygroundState = { ...defaultState(), mode: 'routing', routing: { ...defaultState().routing, script: 'return obj.data -- é', rollout: 'shop/frontend' } };
    const hash = await encodeShareHash(s);
    expect(hash).toMatch(/^#s=1\.[A-Za-z0-9_-]+$/);
    const base: PlaygroundState = { ...defaultState(), cluster: { source: 'mine' } };
    const d = await decodeShareHash(hash, base);
    expect(d.ok).toBe(true);
    if (d.ok !== true) return;
    expect(d.mode).toBe('routing');
    expect(d.state.routing).toEqual(s.routing);
    expect(d.state.cluster.source).toBe('mine');
  });

  it('is compact: a 4 KB script shares in well under 4 KB', async () => {
    const s: PlaygroundState = { ...defaultState(), mode: 'routing' };
    expect(s.routing.script.length).toBeGreaterThan(3000);
    expect((await encodeShareHash(s)).length).toBeLessThan(s.routing.script.length);
  });

  it('refuses bad hashes with a message and never throws', async () => {
    const base = defaultState();
    expect(await decodeShareHash('', base)).toEqual({ ok: 'none' });
    expect(await decodeShareHash('#other=1', base)).toEqual({ ok: 'none' });
    for (const h of ['#s=2.abc', '#s=abc', '#s=1.***', '#s=1.AAAA', '#s=1.' + (await deflate('[1,2]')), '#s=1.' + (await deflate('"x"'))]) {
      const d = await decodeShareHash(h, base);
      expect(d.ok, h).toBe(false);
      expect(d.ok === false && d.error, h).toMatch(/share link/);
    }
    const good = await encodeShareHash(base);
    const cut = await decodeShareHash(good.slice(0, Math.floor(good.length / 2)), base);
    expect(cut.ok).toBe(false);
  });

  it('refuses a decompression bomb', async () => {
    const bomb = '#s=1.' + (await deflate(JSON.stringify({ mode: 'cluster', cluster: { source: 'x'.repeat(5_000_000) } })));
    expect(bomb.length).toBeLessThan(20_000);
    const d = await decodeShareHash(bomb, defaultState());
    expect(d).toEqual({ ok: false, error: expect.stringMatching(/more than 4 MB/), msg: { key: 'playground.share.error.tooLarge' } });
  });

  it('validates the shared part: a wrong field falls back to its default', async () => {
    const h = '#s=1.' + (await deflate(JSON.stringify({ mode: 'tagging', tagging: { scope: 'nope', plugins: [{ name: 'p', source: 'return 1' }] } })));
    const d = await decodeShareHash(h, defaultState());
    expect(d.ok === true && d.state.tagging.scope).toBe('unmatched');
    expect(d.ok === true && d.state.tagging.plugins[0].source).toBe('return 1');
  });
});
