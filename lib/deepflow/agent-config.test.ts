import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { englishText } from '@/lib/i18n/english';
import type { Msg } from '@/lib/i18n/message';
import { CATALOGUES } from '@/messages';
import { parseAgentConfig } from './agent-config';
import { mergeApiResources } from './api-resources';
import { remediationFor } from './platforms';

const full = (body: string) => `inputs:\n  resources:\n    kubernetes:\n      api_resources:\n${body}`;

describe('parseAgentConfig', () => {
  it('empty or whitespace means DeepFlow\'s defaults', () => {
    for (const text of ['', '  \n\t\n']) expect(parseAgentConfig(text)).toEqual({ ok: true, entries: [], warnings: [], warningMsgs: [] });
    expect(parseAgentConfig('inputs:\n  resources:\n    kubernetes:\n      api_list_page_size: 1000\n')).toEqual({ ok: true, entries: [], warnings: [], warningMsgs: [] });
    expect(parseAgentConfig(full(''))).toEqual({ ok: true, entries: [], warnings: [], warningMsgs: [] });
  });
  it('the three §9.4 scenarios, and their merge is mergeApiResources of the same entries', () => {
    const openshift = [{ name: 'ingresses', disabled: true }, { name: 'routes' }];
    const kruise = [{ name: 'clonesets', group: 'apps.kruise.io' }, { name: 'statefulsets', group: 'apps' }, { name: 'statefulsets', group: 'apps.kruise.io' }];
    const og = [{ name: 'opengaussclusters' }];
    const cases: [string, object[]][] = [
      [full('      - name: ingresses\n        disabled: true\n      - name: routes\n'), openshift],
      [full('      - name: clonesets\n        group: apps.kruise.io\n      - name: statefulsets\n        group: apps\n      - name: statefulsets\n        group: apps.kruise.io\n'), kruise],
      [full('      - name: opengaussclusters\n'), og],
    ];
    for (const [text, expected] of cases) {
      const r = parseAgentConfig(text);
      expect(r).toEqual({ ok: true, entries: expected, warnings: [], warningMsgs: [] });
      if (r.ok) expect(mergeApiResources(r.entries)).toEqual(mergeApiResources(expected as never));
    }
  });
  it('accepts the remediation snippets it offers', () => {
    for (const p of ['openkruise', 'opengauss', 'openshift', 'statefulsetplus'] as const) {
      const r = parseAgentConfig(remediationFor(p).apiResourcesYaml!);
      expect(r.ok, p).toBe(true);
    }
  });
  it('accepts a bare list (with a version and a field selector)', () => {
    expect(parseAgentConfig('- name: statefulsets\n  group: apps.kruise.io\n  version: v1beta1\n- name: pods\n  field_selector: spec.nodeName=n1\n')).toEqual({
      ok: true, entries: [{ name: 'statefulsets', group: 'apps.kruise.io', version: 'v1beta1' }, { name: 'pods', field_selector: 'spec.nodeName=n1' }], warnings: [], warningMsgs: [],
    });
  });
  it('accepts the legacy static_config.kubernetes-resources key', () => {
    expect(parseAgentConfig('static_config:\n  kubernetes-resources:\n  - name: pods\n    field-selector: a=b\n')).toEqual({ ok: true, entries: [{ name: 'pods', field_selector: 'a=b' }], warnings: [], warningMsgs: [] });
  });
  it('a YAML syntax error gives its line', () => {
    const r = parseAgentConfig('inputs:\n  resources:\n    kubernetes:\n      api_resources: [\n- name: x\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toMatch(/^YAML syntax error: /);
      expect(r.error.line).toBeGreaterThanOrEqual(4);
    }
    expect(parseAgentConfig('- name: pods\n- name: nodes\n  group: : x\n')).toMatchObject({ ok: false, error: { line: 3 } });
  });
  it('api_resources that is not a list', () => {
    expect(parseAgentConfig(full('        name: pods\n'))).toEqual({ ok: false, error: { line: 5, message: 'api_resources must be a list', msg: { key: 'settings.deepflow.config.notList' } } });
    expect(parseAgentConfig('inputs:\n  resources: 3\n')).toEqual({ ok: false, error: { line: 2, message: 'inputs.resources must be a mapping', msg: { key: 'settings.deepflow.config.parentNotMapping', values: { path: 'inputs.resources' } } } });
    expect(parseAgentConfig('just text')).toMatchObject({ ok: false, error: { line: 1 } });
  });
  it('an entry without name, or with a wrong type', () => {
    expect(parseAgentConfig(full('      - name: pods\n      - group: apps\n'))).toEqual({ ok: false, error: { line: 6, message: 'api_resources entry without name', msg: { key: 'settings.deepflow.config.noName' } } });
    expect(parseAgentConfig(full('      - pods\n'))).toEqual({ ok: false, error: { line: 5, message: 'each api_resources entry must be a mapping with a name', msg: { key: 'settings.deepflow.config.notMapping' } } });
    expect(parseAgentConfig(full('      - name: pods\n        disabled: yes please\n'))).toEqual({ ok: false, error: { line: 6, message: 'disabled must be true or false', msg: { key: 'settings.deepflow.config.notBoolean' } } });
    expect(parseAgentConfig(full('      - name: 3\n'))).toEqual({ ok: false, error: { line: 5, message: 'name must be a string', msg: { key: 'settings.deepflow.config.notString', values: { key: 'name' } } } });
  });
  it('an unsupported name, in DeepFlow\'s words, at the entry\'s line', () => {
    expect(parseAgentConfig(full('      - name: pods\n      - name: foo\n'))).toEqual({ ok: false, error: { line: 6, message: 'resource foo not supported' } });
    expect(parseAgentConfig(full('      - name: pods\n\n      - name: statefulsets\n        group: foo\n'))).toEqual({ ok: false, error: { line: 7, message: 'resource statefulsets in group foo not supported' } });
    expect(parseAgentConfig('- name: deployments\n  group: apps\n  version: v2\n')).toEqual({ ok: false, error: { line: 1, message: 'resource deployments in group apps version v2 not supported' } });
  });
  it('a disabled unknown name is skipped silently, as DeepFlow does', () => {
    expect(parseAgentConfig('- name: foo\n  disabled: true\n')).toEqual({ ok: true, entries: [{ name: 'foo', disabled: true }], warnings: [], warningMsgs: [] });
  });
  it('unknown keys are warnings with their line', () => {
    expect(parseAgentConfig('- name: pods\n  colour: red\n')).toEqual({ ok: true, entries: [{ name: 'pods' }], warnings: ['line 2: unknown key colour in an api_resources entry (ignored)'], warningMsgs: [{ key: 'settings.deepflow.unknownKey', values: { line: '2', key: 'colour' } }] });
  });
});

describe('parseAgentConfig warnings for the page', () => {
  const en = createTranslator({ locale: 'en', messages: CATALOGUES.en });
  const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] });
  const text = (m: Msg, t: typeof en) => (t as unknown as (k: string, v?: Msg['values']) => string)(m.key, m.values);

  it("render to the English warnings, the yaml library's words verbatim in both languages", () => {
    const r = parseAgentConfig('- name: !foo pods\n  colour: red\n');
    expect(r).toMatchObject({ ok: true, warnings: ['line 1: Unresolved tag: !foo', 'line 2: unknown key colour in an api_resources entry (ignored)'] });
    if (!r.ok) return;
    expect(r.warningMsgs.map((m) => text(m, en))).toEqual(r.warnings);
    expect(r.warningMsgs.map((m) => englishText(m.key, m.values))).toEqual(r.warnings);
    const chinese = r.warningMsgs.map((m) => text(m, zh));
    expect(chinese).toEqual(['第 1 行：Unresolved tag: !foo', '第 2 行：api_resources 条目中的未知键 colour（已忽略）']);
  });
});

describe('parseAgentConfig refusals for the page', () => {
  const en = createTranslator({ locale: 'en', messages: CATALOGUES.en });
  const zh = createTranslator({ locale: 'zh-CN', messages: CATALOGUES['zh-CN'] });
  const text = (m: Msg, t: typeof en) => (t as unknown as (k: string, v?: Msg['values']) => string)(m.key, m.values);
  const refusals = [
    full('        name: pods\n'),
    'inputs:\n  resources: 3\n',
    'just text',
    full('      - name: pods\n      - group: apps\n'),
    full('      - pods\n'),
    full('      - name: pods\n        disabled: yes please\n'),
    full('      - name: 3\n'),
    'inputs:\n  resources:\n    kubernetes:\n      api_resources: [\n- name: x\n',
  ];

  it('render to the English message, and to Chinese with the quoted words kept', () => {
    for (const yaml of refusals) {
      const r = parseAgentConfig(yaml);
      if (r.ok || !r.error.msg) throw new Error(`no descriptor for ${JSON.stringify(yaml)}`);
      expect(text(r.error.msg, en)).toBe(r.error.message);
      expect(englishText(r.error.msg.key, r.error.msg.values)).toBe(r.error.message);
      const chinese = text(r.error.msg, zh);
      expect(chinese).not.toBe(r.error.message);
      expect(chinese).toMatch(/\p{Script=Han}/u);
      for (const v of Object.values(r.error.msg.values ?? {})) expect(chinese).toContain(String(v));
    }
  });
  it("the warnings' separator keeps the English join and is Chinese punctuation in zh-CN", () => {
    expect(en('settings.deepflow.warningSeparator')).toBe('; ');
    expect(zh('settings.deepflow.warningSeparator')).toBe('；');
  });
  it("DeepFlow's own refusal stays verbatim, without a descriptor", () => {
    const r = parseAgentConfig('- name: deployments\n  group: apps\n  version: v2\n');
    expect(r).toEqual({ ok: false, error: { line: 1, message: 'resource deployments in group apps version v2 not supported' } });
  });
});
