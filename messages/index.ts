// The message catalogues, one JSON file per feature and language (messages/<locale>/<feature>.json),
// each owned by its feature; lib/i18n/catalogues.test.ts keeps the two languages in step.
import enCommon from './en/common.json';
import enShell from './en/shell.json';
import enSignIn from './en/sign-in.json';
import enAudit from './en/audit.json';
import enSettings from './en/settings.json';
import enPods from './en/pods.json';
import enResources from './en/resources.json';
import enPlayground from './en/playground.json';
import enEditor from './en/editor.json';
import enPlugins from './en/plugins.json';
import enRollouts from './en/rollouts.json';
import enDialog from './en/dialog.json';
import enLint from './en/lint.json';
import zhCommon from './zh-CN/common.json';
import zhShell from './zh-CN/shell.json';
import zhSignIn from './zh-CN/sign-in.json';
import zhAudit from './zh-CN/audit.json';
import zhSettings from './zh-CN/settings.json';
import zhPods from './zh-CN/pods.json';
import zhResources from './zh-CN/resources.json';
import zhPlayground from './zh-CN/playground.json';
import zhEditor from './zh-CN/editor.json';
import zhPlugins from './zh-CN/plugins.json';
import zhRollouts from './zh-CN/rollouts.json';
import zhDialog from './zh-CN/dialog.json';
import zhLint from './zh-CN/lint.json';

const en = {
  common: enCommon,
  shell: enShell,
  signIn: enSignIn,
  audit: enAudit,
  settings: enSettings,
  pods: enPods,
  resources: enResources,
  playground: enPlayground,
  editor: enEditor,
  plugins: enPlugins,
  rollouts: enRollouts,
  dialog: enDialog,
  lint: enLint,
};
const zhCN = {
  common: zhCommon,
  shell: zhShell,
  signIn: zhSignIn,
  audit: zhAudit,
  settings: zhSettings,
  pods: zhPods,
  resources: zhResources,
  playground: zhPlayground,
  editor: zhEditor,
  plugins: zhPlugins,
  rollouts: zhRollouts,
  dialog: zhDialog,
  lint: zhLint,
};

export type Messages = typeof en;
/** Every catalogue; zh-CN is checked against English's shape by the catalogue test, not the type. */
export const CATALOGUES = { en, 'zh-CN': zhCN } as const;
export const NAMESPACES = Object.keys(en) as (keyof Messages)[];
