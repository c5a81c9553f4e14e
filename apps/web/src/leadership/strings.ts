import { addTranslations } from '../i18n/i18n';
import en from './locales/en.json';
import vi from './locales/vi.json';

/** The leader's screens' strings, loaded with them. */
export const LEADERSHIP = 'leadership';
addTranslations(LEADERSHIP, { vi, en });
