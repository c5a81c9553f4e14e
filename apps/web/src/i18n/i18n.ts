import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import vi from './locales/vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORED_LANGUAGE = 'onestop.language';

function storedLanguage(): Language {
  const stored = window.localStorage.getItem(STORED_LANGUAGE);
  return stored === 'en' ? 'en' : 'vi';
}

/** Vietnamese first; English by the switch, remembered on this device. Feature folders add their own namespaces as they load. */
void i18n.use(initReactI18next).init({
  resources: { vi: { common: vi }, en: { common: en } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function changeLanguage(language: Language): void {
  window.localStorage.setItem(STORED_LANGUAGE, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

/** A feature's strings, registered when its code loads (its route chunk), in both languages. */
export function addTranslations(namespace: string, resources: Record<Language, object>): void {
  for (const language of LANGUAGES) i18n.addResourceBundle(language, namespace, resources[language], true, true);
}

document.documentElement.lang = storedLanguage();
export default i18n;
