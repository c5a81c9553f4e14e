import { useTranslation } from 'react-i18next';
import { QUEUE } from '../queue/strings';
import { Callout, Facts, ProblemCallout } from '../ui/public/PublicParts';
import { useTicketStatus } from './queries';
import { StoredTicket } from './stored-ticket';
import { TICKET } from './strings';

/** The number taken, where to go, and the place in line with the estimated wait, as they change; then the counter called to. */
export function TicketView({ stored, onForget }: { stored: StoredTicket; onForget: () => void }) {
  const { t } = useTranslation(TICKET);
  const { ticket, unitName } = stored;
  const status = useTicketStatus(ticket.unitCode, ticket.number);
  const current = status.data;
  return (
    <section className="public-card" aria-labelledby="ticket-number">
      <p className="public-hint">{t('yourNumber')}</p>
      <p id="ticket-number" className="ticket-number">
        {ticket.display}
      </p>
      <Facts
        rows={[
          [t('placeLabel'), unitName],
          [t('groupLabel'), t(`groups.${ticket.priorityGroup}`, { ns: QUEUE })],
        ]}
      />
      {ticket.priorityGroup !== 'standard' && <Callout tone="info" title={t('priorityClaimed')} />}
      <div aria-live="polite" role="status">
        {current?.status === 'called' ? (
          <Callout tone="success" title={t('yourTurn', { counter: current.counter })} />
        ) : current ? (
          <Callout
            tone="info"
            title={current.waitingAhead === 0 ? t('next') : t('ahead', { count: current.waitingAhead })}
          >
            {current.waitingAhead > 0 &&
              current.estimatedWaitMinutes !== undefined &&
              t('estimate', { count: current.estimatedWaitMinutes })}
          </Callout>
        ) : null}
      </div>
      {status.error && <ProblemCallout error={status.error} />}
      <p className="public-hint">{t('refreshing')}</p>
      <button type="button" className="secondary-button" onClick={onForget}>
        {t('forget')}
      </button>
    </section>
  );
}
