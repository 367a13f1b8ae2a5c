import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'retour.language';

/** The language to start in: ?lang=, then the one chosen before, then the browser's (Accept-Language), else Chinese. */
export function detectLanguage(): Language {
  const fromQuery = new URLSearchParams(window.location.search).get('lang');
  const stored = window.localStorage.getItem(STORAGE_KEY);
  for (const candidate of [fromQuery, stored, ...navigator.languages]) {
    if (!candidate) continue;
    if (candidate.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (candidate.toLowerCase().startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

export function rememberLanguage(language: Language) {
  window.localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

/** Every string of a web app goes through this i18next instance. */
export async function initI18n(resources: Record<Language, Resource[string]>) {
  const lng = detectLanguage();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    resources: { 'zh-CN': resources['zh-CN'], en: resources.en },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
