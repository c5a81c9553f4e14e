import { addTranslations } from '../i18n/i18n';
import en from './locales/en.json';
import vi from './locales/vi.json';

/** The desk's reception screens' strings (online filings, supplements and results), loaded with them. */
export const RECEPTION = 'reception';
addTranslations(RECEPTION, { vi, en });
