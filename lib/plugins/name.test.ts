import { describe, expect, it } from 'vitest';
import { checkPluginName, validatePluginName } from './name';

describe('validatePluginName', () => {
  it('accepts names the DELETE URL and deepflow-ctl carry unchanged', () => {
    for (const n of ['opengausscluster-statefulset', 'A1', 'v1.2_beta-3', '9lives', 'x'.repeat(256)]) expect(validatePluginName(n)).toBeNull();
  });
  it('refuses what DeepFlow cannot delete or the command line misreads', () => {
    expect(validatePluginName('')).toMatch(/required/);
    expect(validatePluginName('x'.repeat(257))).toMatch(/257 characters.*at most 256/);
    expect(validatePluginName('-rm')).toMatch(/start with a letter or a digit/);
    expect(validatePluginName('.hidden')).toMatch(/start with a letter or a digit/);
    expect(validatePluginName('a/b')).toMatch(/it has "\/"/);
    expect(validatePluginName('a b')).toMatch(/it has a space/);
    expect(validatePluginName('a?b')).toMatch(/\/v1\/plugin\/<name>\//);
    expect(validatePluginName('ünïcode')).not.toBeNull();
  });
});

describe('checkPluginName', () => {
  it('gives the same refusal as a message for the UI, the offending character as a value', () => {
    expect(checkPluginName('ok-1')).toBeNull();
    expect(checkPluginName('')?.message).toEqual({ key: 'plugins.name.required' });
    expect(checkPluginName('x'.repeat(257))?.message).toEqual({ key: 'plugins.name.tooLong', values: { length: 257, max: 256 } });
    expect(checkPluginName('a b')?.message).toEqual({ key: 'plugins.name.chars', values: { bad: 'space', url: '/v1/plugin/<name>/' } });
    expect(checkPluginName('a/b')?.message.values).toMatchObject({ bad: '/' });
    for (const n of ['', '-rm', 'a?b']) expect(checkPluginName(n)?.text).toBe(validatePluginName(n));
  });
});
