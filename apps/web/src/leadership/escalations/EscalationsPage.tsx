import { Button, Empty, Space, Spin, message as antdMessage } from 'antd';
import { Pill } from '../../ui/Pill';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { formatDate, formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { urgencyOf } from '../../work-queue/deadline';
import { ApologyDialog, ApologyTarget } from '../apologies/ApologyDialog';
import { DueCell } from '../../ui/DueCell';
import { ListFooter, ListStatus } from '../../ui/ListParts';
import { LEADERSHIP } from '../strings';
import '../leadership.css';
import { useEscalations } from './queries';

/** Dossiers of the unit escalated to its leader for being late: which, at what level, since when; an apology closes one. */
export function EscalationsPage() {
  const { t } = useTranslation(LEADERSHIP);
  const { principal } = useAuth();
  const [message, messageHolder] = antdMessage.useMessage();
  const escalations = useEscalations();
  const [target, setTarget] = useState<ApologyTarget | null>(null);
  const items = escalations.data?.pages.flatMap((page) => page.items) ?? [];
  const mayApologise = Boolean(principal?.roles.includes('unit-leader'));

  function sent(newAppointmentDate: string) {
    if (target) void message.success(t('apology.sent', { code: target.code, date: formatDate(newAppointmentDate) }));
    setTarget(null);
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {messageHolder}
      <h1 className="page-title">{t('escalations.title')}</h1>
      <p style={{ margin: 0 }}>{t('escalations.intro')}</p>
      <section aria-busy={escalations.isFetching}>
        <ProblemAlert error={escalations.error} />
        <ListStatus label={t('escalations.shown', { count: items.length })} fetching={escalations.isFetching} />
        {escalations.isPending ? (
          <Spin />
        ) : items.length === 0 ? (
          <Empty description={t('escalations.empty')} />
        ) : (
          <table className="queue-table">
            <caption>{t('escalations.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('approvals.code')}</th>
                <th scope="col">{t('escalations.level')}</th>
                <th scope="col">{t('escalations.escalatedAt')}</th>
                <th scope="col">{t('approvals.dueAt')}</th>
                <th scope="col" className="optional">
                  {t('escalations.assignee')}
                </th>
                {mayApologise && <th scope="col">{t('apologies.action')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className={`urgency-${urgencyOf(item.dueAt)}`}>
                  <td data-label={t('approvals.code')}>
                    <Link to={`/ho-so/${item.dossierId}`}>{item.code}</Link>
                  </td>
                  <td data-label={t('escalations.level')}>
                    <Pill tone={item.level === 'province' ? 'red' : 'gold'}>
                      {t(`escalations.levels.${item.level}`)}
                    </Pill>
                  </td>
                  <td data-label={t('escalations.escalatedAt')}>{formatDateTime(item.escalatedAt)}</td>
                  <td data-label={t('approvals.dueAt')}>
                    <DueCell dueAt={item.dueAt} />
                  </td>
                  <td data-label={t('escalations.assignee')} className="optional">
                    {item.assigneeId === principal?.subject
                      ? t('escalations.me')
                      : item.assigneeId
                        ? item.assigneeId.slice(0, 8)
                        : t('escalations.unassigned')}
                  </td>
                  {mayApologise && (
                    <td data-label={t('apologies.action')}>
                      <Button
                        size="small"
                        onClick={() => setTarget({ dossierId: item.dossierId, code: item.code, dueAt: item.dueAt })}
                        aria-label={t('apologies.writeLabel', { code: item.code })}
                      >
                        {t('apologies.write')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ListFooter
          hasMore={Boolean(escalations.hasNextPage)}
          loading={escalations.isFetchingNextPage}
          shown={items.length}
          onMore={() => void escalations.fetchNextPage()}
        />
      </section>
      {target && <ApologyDialog target={target} onClose={() => setTarget(null)} onSent={sent} />}
    </Space>
  );
}
