import { ExportOutlined, NotificationOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Input, Row, Space, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { useAuth } from '../auth/AuthProvider';
import { useUnitName } from '../reference/queries';
import { useProcedureName } from '../reference/queries';
import { formatDate } from '../ui/format';
import { Pill } from '../ui/Pill';
import { ProblemAlert } from '../ui/ProblemAlert';
import { COUNTER_NAME_MAX, useCounterName } from './counter-name';
import { GROUPS_IN_ORDER } from './priority-groups';
import { CalledTicket, UnitQueue, useCallNext, useUnitQueue } from './queries';
import { QUEUE } from './strings';
import { formatTime } from './time';
import './queue.css';

/** The service answers an empty queue with a 404 of this kind: not a failure, nobody waits. */
const isQueueEmpty = (error: unknown) =>
  error instanceof ApiProblem && error.status === 404 && error.slug === 'queue-empty';

/**
 * The desk's side of the unit's queue: the counter's name, the call of the next number (shown
 * large to read it out), who waits by group and the last calls, refreshed every few seconds.
 */
export function QueuePage() {
  const { t, i18n } = useTranslation(QUEUE);
  const { principal } = useAuth();
  const unitCode = principal?.unitCode ?? '';
  const queue = useUnitQueue(unitCode);
  const unitName = useUnitName(principal?.provinceCode);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex wrap gap={12} justify="space-between" align="center">
        <div>
          <h1 className="page-title">{t('desk.title')}</h1>
          {unitCode && queue.data && (
            <div className="queue-muted">
              {t('desk.unit', { unit: unitName(unitCode, i18n.language), date: formatDate(queue.data.date) })}
            </div>
          )}
        </div>
        {unitCode && (
          // rel="opener": the display is this application, and the new tab must share this tab's session (kept per tab) to open.
          <a href={`/man-hinh-cho/${encodeURIComponent(unitCode)}`} target="_blank" rel="opener">
            <ExportOutlined aria-hidden /> {t('desk.openDisplay')}{' '}
            <span className="queue-muted">{t('desk.newTab')}</span>
          </a>
        )}
      </Flex>
      {!unitCode ? (
        <Alert type="warning" showIcon title={t('desk.noUnit')} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <CallCard unitCode={unitCode} />
          </Col>
          <Col xs={24} lg={14}>
            <ProblemAlert error={queue.error} />
            {queue.isPending ? <Spin /> : queue.data && <QueueState queue={queue.data} fetching={queue.isFetching} />}
          </Col>
        </Row>
      )}
    </Space>
  );
}

/** The counter's name and the call; the number called stays on screen, large, until the next one. */
function CallCard({ unitCode }: { unitCode: string }) {
  const { t } = useTranslation(QUEUE);
  const [counterName, setCounterName] = useCounterName();
  const [nameMissing, setNameMissing] = useState(false);
  const [called, setCalled] = useState<CalledTicket | null>(null);
  const callNext = useCallNext(unitCode);

  async function call() {
    const counter = counterName.trim();
    if (!counter) return setNameMissing(true);
    try {
      setCalled(await callNext.mutateAsync(counter));
    } catch {
      setCalled(null);
    }
  }

  return (
    <Card size="small" title={<h2 className="queue-section-title">{t('desk.calledTitle')}</h2>}>
      <Flex vertical gap={4} style={{ marginBottom: 12 }}>
        <label htmlFor="counter-name">{t('desk.counterName')}</label>
        <Input
          id="counter-name"
          value={counterName}
          maxLength={COUNTER_NAME_MAX}
          placeholder={t('desk.counterPlaceholder')}
          status={nameMissing ? 'error' : undefined}
          aria-invalid={nameMissing}
          aria-describedby="counter-name-help"
          onChange={(event) => {
            setCounterName(event.target.value);
            setNameMissing(false);
          }}
          onPressEnter={() => void call()}
        />
        <span
          id="counter-name-help"
          className={nameMissing ? 'queue-error' : 'queue-muted'}
          role={nameMissing ? 'alert' : undefined}
        >
          {nameMissing ? t('desk.counterRequired') : t('desk.counterHelp')}
        </span>
      </Flex>
      <Button
        type="primary"
        size="large"
        block
        icon={<NotificationOutlined aria-hidden />}
        loading={callNext.isPending}
        onClick={() => void call()}
      >
        {t('desk.callNext')}
      </Button>
      <div aria-live="polite" style={{ marginTop: 16 }}>
        {called && <CalledTicketView ticket={called} />}
        {isQueueEmpty(callNext.error) && <Alert type="info" showIcon title={t('desk.queueEmpty')} />}
      </div>
      {callNext.error && !isQueueEmpty(callNext.error) ? <ProblemAlert error={callNext.error} /> : null}
    </Card>
  );
}

function CalledTicketView({ ticket }: { ticket: CalledTicket }) {
  const { t, i18n } = useTranslation(QUEUE);
  const procedureName = useProcedureName();
  return (
    <div className="called-ticket">
      <div className="called-ticket-number">{ticket.display}</div>
      <div className="called-ticket-counter">{t('desk.calledTo', { counter: ticket.counter })}</div>
      <dl className="called-ticket-facts">
        <dt>{t('desk.group')}</dt>
        <dd>
          {ticket.priorityGroup === 'standard' ? (
            t('groups.standard')
          ) : (
            <Pill tone="orange">{t(`groups.${ticket.priorityGroup}`)}</Pill>
          )}
        </dd>
        <dt>{t('desk.issuedAt')}</dt>
        <dd>{formatTime(ticket.issuedAt)}</dd>
        {ticket.procedureCode && (
          <>
            <dt>{t('desk.procedure')}</dt>
            <dd>{procedureName(ticket.procedureCode, i18n.language)}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** Who waits, by group in the order they are called, and the last calls of every counter. */
function QueueState({ queue, fetching }: { queue: UnitQueue; fetching: boolean }) {
  const { t } = useTranslation(QUEUE);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={<h2 className="queue-section-title">{t('desk.waitingTitle')}</h2>}>
        <Space wrap style={{ marginBottom: 8 }}>
          <strong role="status">{t('desk.waitingTotal', { count: queue.waiting.total })}</strong>
          <span className="queue-muted">{t('desk.issued', { count: queue.issued })}</span>
          <span className="queue-muted">
            <SyncOutlined spin={fetching} aria-hidden /> {t('desk.autoRefresh')}
          </span>
        </Space>
        <table className="queue-table">
          <caption>{t('desk.groupsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('desk.group')}</th>
              <th scope="col">{t('desk.waitingCount')}</th>
            </tr>
          </thead>
          <tbody>
            {GROUPS_IN_ORDER.map((group) => (
              <tr key={group}>
                <td data-label={t('desk.group')}>
                  <span>
                    {t(`groups.${group}`)} {group !== 'standard' && <Pill tone="orange">{t('desk.priorityTier')}</Pill>}
                  </span>
                </td>
                <td data-label={t('desk.waitingCount')}>{queue.waiting.byGroup[group] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card size="small" title={<h2 className="queue-section-title">{t('desk.lastCallsTitle')}</h2>}>
        {queue.lastCalled.length === 0 ? (
          <Empty description={t('desk.noCalls')} />
        ) : (
          <table className="queue-table">
            <caption>{t('desk.lastCallsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('desk.number')}</th>
                <th scope="col">{t('desk.counter')}</th>
                <th scope="col">{t('desk.calledAt')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.lastCalled.map((call) => (
                <tr key={`${call.number}-${call.calledAt}`}>
                  <td data-label={t('desk.number')}>
                    <strong>{call.display}</strong>
                  </td>
                  <td data-label={t('desk.counter')}>{call.counter}</td>
                  <td data-label={t('desk.calledAt')}>{formatTime(call.calledAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </Space>
  );
}
