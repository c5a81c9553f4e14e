import { addTranslations } from '../i18n/i18n';
import en from './locales/en.json';
import vi from './locales/vi.json';

/** The queue number page's strings, loaded with it. */
export const TICKET = 'ticket';
addTranslations(TICKET, { vi, en });
