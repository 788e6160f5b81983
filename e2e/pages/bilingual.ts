// Accessible names the a11y and layout specs need in both languages. The Chinese names follow the
// brief's terminology (应用 apply, 步骤 step, 模板 templates…); they are the one place to align if a
// catalogue chose another wording. Everything else those specs find by role and level alone.
export type Lang = 'en' | 'zh-CN';

const NAMES = {
  skipLink: { en: 'Skip to content', zh: /^跳到正文$/ },
  applyStep1: { en: 'Apply step 1', zh: /^应用第 1 步$/ },
  templates: { en: 'Templates', zh: /^模板/ },
  newPlugin: { en: 'New plugin', zh: /^新建插件$/ },
  save: { en: 'Save', zh: /^保存$/ },
  share: { en: 'Share', zh: /^分享$/ },
  addResource: { en: 'Add resource', zh: /^添加资源$/ },
} as const;

export type NameKey = keyof typeof NAMES;

/** The accessible name of `key` in `lang`: an exact English string, or a pattern for 中文. */
export function nameOf(key: NameKey, lang: Lang): string | RegExp {
  return lang === 'en' ? new RegExp(`^${NAMES[key].en}$`) : NAMES[key].zh;
}
