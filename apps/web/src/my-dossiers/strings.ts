import { addTranslations } from '../i18n/i18n';
import en from './locales/en.json';
import vi from './locales/vi.json';

/** The citizen's own dossiers page's strings, loaded with it. */
export const MY_DOSSIERS = 'myDossiers';
addTranslations(MY_DOSSIERS, { vi, en });
