import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { useProcedureName } from '../reference/queries';
import { formatDate, formatDateTime } from '../ui/format';
import { PublicFrame } from '../ui/public/PublicFrame';
import { Callout, Facts, ProblemCallout } from '../ui/public/PublicParts';
import { StatusTag } from '../ui/StatusTag';
import { useMyDossiers } from './queries';
import { MY_DOSSIERS } from './strings';

/**
 * A signed-in citizen's own dossiers (/cua-toi), those filed online under their account: each
 * with its status and appointment, opening the status look-up with its code filled in.
 */
export function MyDossiersPage() {
  const { t, i18n } = useTranslation(MY_DOSSIERS);
  const { principal, signOut } = useAuth();
  const dossiers = useMyDossiers();
  const procedureName = useProcedureName();
  const items = dossiers.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <PublicFrame title={t('title')} intro={t('intro', { name: principal?.name ?? '' })}>
      {dossiers.isPending && <p role="status">{t('loading')}</p>}
      {dossiers.error && <ProblemCallout error={dossiers.error} />}
      {dossiers.isSuccess && items.length === 0 && <Callout tone="info" title={t('none')} />}
      <ul className="my-dossiers">
        {items.map((dossier) => (
          <li key={dossier.id} className="public-card">
            <h2>{procedureName(dossier.procedure.code, i18n.language)}</h2>
            <Facts
              rows={[
                [t('code'), dossier.code],
                [t('status'), <StatusTag key="status" status={dossier.status} />],
                [t('appointment'), formatDate(dossier.appointmentDate) || t('noAppointment')],
                [t('filedAt'), formatDateTime(dossier.filedAt)],
              ]}
            />
            <Link
              className="secondary-button"
              to={`/tra-cuu?ma=${encodeURIComponent(dossier.code)}`}
              aria-label={t('openStatusOf', { code: dossier.code })}
            >
              {t('openStatus')}
            </Link>
          </li>
        ))}
      </ul>
      {dossiers.hasNextPage && (
        <button
          type="button"
          className="secondary-button"
          aria-busy={dossiers.isFetchingNextPage}
          onClick={() => void dossiers.fetchNextPage()}
        >
          {t('more')}
        </button>
      )}
      <p>
        <button type="button" className="secondary-button" onClick={() => void signOut()}>
          {t('session.signOut', { ns: 'common' })}
        </button>
      </p>
    </PublicFrame>
  );
}
