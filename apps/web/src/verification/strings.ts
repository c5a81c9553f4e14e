import { addTranslations } from '../i18n/i18n';
import en from './locales/en.json';
import vi from './locales/vi.json';

/** The result verification page's strings, loaded with it. */
export const VERIFICATION = 'verification';
addTranslations(VERIFICATION, { vi, en });
