import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage, Language, LANGUAGES } from '../../i18n/i18n';
import './public.css';

/**
 * The frame of the citizens' pages: plain markup and one stylesheet, no Ant Design, so that a
 * phone on a slow line loads each page within its 200 KB of JavaScript.
 */
export function PublicFrame({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const current: Language = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <div className="public">
      <header className="public-header">
        <span className="public-brand">{t('app.name')}</span>
        <div role="group" aria-label={t('language.label')} className="public-languages">
          {LANGUAGES.map((language) => (
            <button
              key={language}
              type="button"
              aria-pressed={current === language}
              lang={language}
              title={t(`language.${language}`)}
              onClick={() => changeLanguage(language)}
            >
              {language.toUpperCase()}
            </button>
          ))}
        </div>
      </header>
      <main className="public-main">
        <h1>{title}</h1>
        {intro && <p className="public-intro">{intro}</p>}
        {children}
      </main>
    </div>
  );
}
