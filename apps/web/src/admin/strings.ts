import { addTranslations } from '../i18n/i18n';
import en from './locales/en.json';
import vi from './locales/vi.json';

/** The province administrator's strings, loaded with the administration screens. */
export const ADMIN = 'admin';
addTranslations(ADMIN, { vi, en });
