import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiProblem } from '../api/problem';
import { useAuth } from '../auth/AuthProvider';
import { useUnitName } from '../reference/queries';
import { formatDate } from '../ui/format';
import { priorityWaiting } from './priority-groups';
import { RecentCall, useUnitQueue } from './queries';
import { QUEUE } from './strings';
import { formatTime } from './time';
import { useCallAnnouncement } from './use-call-announcement';
import './waiting-room.css';

/** How many earlier calls the screen lists under the current one. */
const EARLIER_SHOWN = 5;

/**
 * The waiting room's screen: the number being called, very large, with its counter; the calls
 * just before; how many wait; the time. It reads the queue every 3 s and announces each new call.
 */
export function WaitingRoomPage() {
  const { unitCode = '' } = useParams();
  const { t, i18n } = useTranslation(QUEUE);
  const queue = useUnitQueue(unitCode);
  const unitName = useUnitName(useAuth().principal?.provinceCode);
  const calls = queue.data?.lastCalled;
  const announcement = useCallAnnouncement(calls, (call) =>
    t('display.announce', { number: call.display, counter: call.counter }),
  );
  const [current, ...earlier] = calls ?? [];
  const notOpen = queue.error instanceof ApiProblem && queue.error.status === 404;

  return (
    <div className="waiting-room">
      <header className="waiting-room-header">
        <div>
          <h1>{t('display.title')}</h1>
          <div className="waiting-room-unit">{t('display.unit', { unit: unitName(unitCode, i18n.language) })}</div>
        </div>
        <Clock />
      </header>
      <main className="waiting-room-main">
        <section className="now-serving" aria-labelledby="now-serving-title">
          <h2 id="now-serving-title">{t('display.nowServing')}</h2>
          {current ? (
            <CurrentCall key={`${current.number}@${current.calledAt}`} call={current} />
          ) : (
            <p className="now-serving-empty">
              {notOpen ? t('display.notFound', { unit: unitCode }) : t('display.noCalls')}
            </p>
          )}
        </section>
        <aside className="waiting-room-side">
          <section aria-labelledby="earlier-title">
            <h2 id="earlier-title">{t('display.previous')}</h2>
            <ol className="earlier-calls">
              {earlier.slice(0, EARLIER_SHOWN).map((call) => (
                <li key={`${call.number}@${call.calledAt}`}>
                  <span className="earlier-number">{call.display}</span>
                  <span className="earlier-counter">{call.counter}</span>
                  <span className="earlier-time">{formatTime(call.calledAt)}</span>
                </li>
              ))}
            </ol>
          </section>
          {queue.data && (
            <section aria-labelledby="waiting-title">
              <h2 id="waiting-title">{t('display.waiting')}</h2>
              <p className="waiting-total">{t('display.waitingCount', { count: queue.data.waiting.total })}</p>
              <p className="waiting-priority">
                {t('display.priorityCount', { count: priorityWaiting(queue.data.waiting.byGroup) })}
              </p>
            </section>
          )}
        </aside>
        {queue.error && !notOpen ? <p className="waiting-room-offline">{t('display.reconnecting')}</p> : null}
        {/* Read out by screen readers when a new number is called; the screen itself shows it above. */}
        <div className="visually-hidden" role="status" aria-live="assertive" aria-atomic="true">
          {announcement}
        </div>
      </main>
    </div>
  );
}

/** The call being served, as one sentence in very large type ("Số A-012 — mời đến Quầy 3"); marked briefly when it is new. */
function CurrentCall({ call }: { call: RecentCall }) {
  const { t } = useTranslation(QUEUE);
  return (
    <div className="now-serving-call">
      <p className="now-serving-sentence">
        <span className="now-serving-number">{t('display.number', { number: call.display })}</span>
        <span className="now-serving-dash"> — </span>
        <span className="now-serving-counter">{t('display.goTo', { counter: call.counter })}</span>
      </p>
      <p className="now-serving-time">{formatTime(call.calledAt)}</p>
    </div>
  );
}

/** The time and date in Vietnam, ticking by itself. */
function Clock() {
  const { t } = useTranslation(QUEUE);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1_000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <div className="waiting-room-clock">
      <span className="visually-hidden">{t('display.now')}: </span>
      <time dateTime={now.toISOString()}>{formatTime(now)}</time>
      <span className="waiting-room-date">{formatDate(now.toISOString())}</span>
    </div>
  );
}
