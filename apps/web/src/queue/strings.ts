import { addTranslations } from '../i18n/i18n';
import en from './locales/en.json';
import vi from './locales/vi.json';

/** The queue's strings (the desk's calling screen and the waiting-room display), loaded with them. */
export const QUEUE = 'queue';
addTranslations(QUEUE, { vi, en });
