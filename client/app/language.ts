import type { Lang } from '../model/state';

const LANG_KEY = 'kizuna.lang';

/** The language chosen before, else the first of the browser's preferred languages we speak. */
export function firstLang(): Lang {
  const stored = localStorage.getItem(LANG_KEY);
  if (stored === 'en' || stored === 'ja') return stored;
  for (const l of navigator.languages ?? [navigator.language]) {
    if (/^ja\b/i.test(l)) return 'ja';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

/** Keeps the chosen language for the next visit and tells the page which language it is in. */
export function rememberLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang;
}
