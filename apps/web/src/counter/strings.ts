import { addTranslations } from '../i18n/i18n';
import en from './locales/en.json';
import vi from './locales/vi.json';

/** The counter's strings, loaded with its screens. */
export const COUNTER = 'counter';
addTranslations(COUNTER, { vi, en });
