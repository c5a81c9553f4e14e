import { addTranslations } from '../i18n/i18n';
import en from './locales/en.json';
import vi from './locales/vi.json';

/** The dashboard's strings, loaded with it. */
export const DASHBOARD = 'dashboard';
addTranslations(DASHBOARD, { vi, en });
