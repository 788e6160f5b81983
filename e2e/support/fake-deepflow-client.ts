// What specs do to the fake DeepFlow server directly (as deepflow-ctl would, or to break it).
import { FAKE_DEEPFLOW_URL } from '../env';

/** `GET /v1/plugin/` rows (DATA is null when the server has none). */
export async function remotePlugins(): Promise<{ NAME: string; UPDATED_AT: string }[]> {
  const r = (await (await fetch(`${FAKE_DEEPFLOW_URL}/v1/plugin/`)).json()) as { DATA: { NAME: string; UPDATED_AT: string }[] | null };
  return r.DATA ?? [];
}

export async function remoteNames(): Promise<string[]> {
  return (await remotePlugins()).map((p) => p.NAME);
}

/** `deepflow-ctl plugin create --type lua --user server`'s request: a plugin with no local source. Returns the HTTP status. */
export async function createLikeDeepflowCtl(name: string, source = 'x = 1'): Promise<number> {
  const form = new FormData();
  form.append('NAME', name);
  form.append('TYPE', '3');
  form.append('USER', '2');
  form.append('IMAGE', new Blob([source]), `${name}.lua`);
  return (await fetch(`${FAKE_DEEPFLOW_URL}/v1/plugin/`, { method: 'POST', body: form })).status;
}

/** `garbage`: the fake answers with something that is not DeepFlow's JSON envelope. */
export async function fakeMode(mode: 'normal' | 'garbage'): Promise<void> {
  await fetch(`${FAKE_DEEPFLOW_URL}/__fake__/mode`, { method: 'POST', body: mode });
}
