import { describe, expect, it } from 'vitest';
import { DEEPFLOW_VERSIONS, DEFAULT_DEEPFLOW_VERSION, deepflowBehaviour, parseDeepflowVersion } from './versions';

describe('DeepFlow versions', () => {
  it('defaults to the newest release, which keeps the rule behind a plugin and lower-cases', () => {
    expect(DEFAULT_DEEPFLOW_VERSION).toBe('v7.1.6');
    expect(deepflowBehaviour()).toMatchObject({ builtinRuleWithoutPlugins: false, providerTypeCaseInsensitive: true });
  });
  it('older releases run the rule without plugins; only 7.1.5 on lower-case', () => {
    expect(DEEPFLOW_VERSIONS.map((v) => [v, deepflowBehaviour(v).builtinRuleWithoutPlugins, deepflowBehaviour(v).providerTypeCaseInsensitive])).toEqual([
      ['v6.6', true, false], ['v7.0', true, false], ['v7.1.4', true, false], ['v7.1.5', true, true], ['v7.1.6', false, true], ['main', false, true],
    ]);
  });
  it('parses what users write', () => {
    expect(parseDeepflowVersion('7.1.2')).toBe('v7.1.4');
    expect(parseDeepflowVersion('v7.1.0')).toBe('v7.1.4');
    expect(parseDeepflowVersion('v7.1.5')).toBe('v7.1.5');
    expect(parseDeepflowVersion('7.1.9')).toBe('v7.1.6');
    expect(parseDeepflowVersion('v6.6.3')).toBe('v6.6');
    expect(parseDeepflowVersion('7.0')).toBe('v7.0');
    expect(parseDeepflowVersion('MAIN')).toBe('main');
    expect(parseDeepflowVersion('7.1')).toBeNull();
    expect(parseDeepflowVersion('8.0')).toBeNull();
    expect(parseDeepflowVersion('banana')).toBeNull();
  });
});
