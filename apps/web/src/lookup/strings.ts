import { addTranslations } from '../i18n/i18n';
import en from './locales/en.json';
import vi from './locales/vi.json';

/** The status look-up's strings, loaded with its page. */
export const LOOKUP = 'lookup';
addTranslations(LOOKUP, { vi, en });
