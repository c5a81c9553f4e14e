import { addTranslations } from '../i18n/i18n';
import en from './locales/en.json';
import vi from './locales/vi.json';

/** The work queue's and the dossier page's strings, loaded with them. */
export const PROCESSING = 'processing';
addTranslations(PROCESSING, { vi, en });
