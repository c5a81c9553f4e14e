import { Button, Empty, Segmented, Space, Spin, message as antdMessage } from 'antd';
import { Pill } from '../../ui/Pill';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useProcedureName } from '../../reference/queries';
import { formatDate, formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Labelled } from '../../ui/Labelled';
import { ListFooter, ListStatus } from '../../ui/ListParts';
import { LEADERSHIP } from '../strings';
import '../leadership.css';
import { ApologyDialog, ApologyTarget } from './ApologyDialog';
import { DeadlineState, useDeadlines } from './queries';

type Filter = DeadlineState | 'both';

/** The unit's dossiers at risk of being late or already late, each with the apology that sets a new appointment. */
export function ApologiesPage() {
  const { t, i18n } = useTranslation(LEADERSHIP);
  const [message, messageHolder] = antdMessage.useMessage();
  const procedureName = useProcedureName();
  const [filter, setFilter] = useState<Filter>('both');
  const [target, setTarget] = useState<ApologyTarget | null>(null);
  const deadlines = useDeadlines(filter === 'both' ? undefined : filter);
  const items = deadlines.data?.pages.flatMap((page) => page.items) ?? [];

  function sent(newAppointmentDate: string) {
    if (target) void message.success(t('apology.sent', { code: target.code, date: formatDate(newAppointmentDate) }));
    setTarget(null);
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {messageHolder}
      <h1 className="page-title">{t('apologies.title')}</h1>
      <p style={{ margin: 0 }}>{t('apologies.intro')}</p>
      <Labelled label={t('apologies.filter')} htmlFor="deadline-state">
        <Segmented<Filter>
          id="deadline-state"
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'both', label: t('apologies.both') },
            { value: 'overdue', label: t('common.overdue') },
            { value: 'due-soon', label: t('common.dueSoon') },
          ]}
        />
      </Labelled>
      <section aria-busy={deadlines.isFetching}>
        <ProblemAlert error={deadlines.error} />
        <ListStatus label={t('apologies.shown', { count: items.length })} fetching={deadlines.isFetching} />
        {deadlines.isPending ? (
          <Spin />
        ) : items.length === 0 ? (
          <Empty description={t('apologies.empty')} />
        ) : (
          <table className="queue-table">
            <caption>{t('apologies.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('approvals.code')}</th>
                <th scope="col">{t('approvals.procedure')}</th>
                <th scope="col">{t('approvals.dueAt')}</th>
                <th scope="col" className="optional">
                  {t('apologies.step')}
                </th>
                <th scope="col">{t('apologies.action')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.dossierId} className={`urgency-${item.state}`}>
                  <td data-label={t('approvals.code')}>
                    <Link to={`/ho-so/${item.dossierId}`}>{item.code}</Link>
                  </td>
                  <td data-label={t('approvals.procedure')}>{procedureName(item.procedureCode, i18n.language)}</td>
                  <td data-label={t('approvals.dueAt')}>
                    <Space size={4} wrap>
                      <span>{formatDateTime(item.dueAt)}</span>
                      <Pill tone={item.state === 'overdue' ? 'red' : 'orange'}>
                        {t(item.state === 'overdue' ? 'common.overdue' : 'common.dueSoon')}
                      </Pill>
                    </Space>
                  </td>
                  <td data-label={t('apologies.step')} className="optional">
                    {t(`step.${item.step}`, { defaultValue: item.step })}
                  </td>
                  <td data-label={t('apologies.action')}>
                    <Button
                      size="small"
                      onClick={() => setTarget({ dossierId: item.dossierId, code: item.code, dueAt: item.dueAt })}
                      aria-label={t('apologies.writeLabel', { code: item.code })}
                    >
                      {t('apologies.write')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ListFooter
          hasMore={Boolean(deadlines.hasNextPage)}
          loading={deadlines.isFetchingNextPage}
          shown={items.length}
          onMore={() => void deadlines.fetchNextPage()}
        />
      </section>
      {target && <ApologyDialog target={target} onClose={() => setTarget(null)} onSent={sent} />}
    </Space>
  );
}
