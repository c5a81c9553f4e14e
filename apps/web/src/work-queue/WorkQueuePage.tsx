import { Empty, Flex, Input, Segmented, Select, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { useProcedureName } from '../reference/queries';
import { formatDate, ZONE } from '../ui/format';
import { ListFooter, ListStatus } from '../ui/ListParts';
import { DueCell } from '../ui/DueCell';
import { Labelled } from '../ui/Labelled';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusTag } from '../ui/StatusTag';
import { urgencyOf } from './deadline';
import { useWorkQueue, WorkQueueFilters } from './queries';
import { PROCESSING } from './strings';

const STATUSES = [2, 4, 5, 6, 9, 10, 8, 7];

/** "Due before" as a desk thinks of it: by the end of today, of tomorrow, within a week (calendar days, Vietnam time). */
const DUE_WITHIN_DAYS = [0, 1, 7];

/** A filter by code needs enough of it to mean something: the server takes a whole code or a prefix of six characters. */
const CODE_PREFIX = 6;

/** The officer's work queue: filters, the most urgent first, 50 at a time through the whole of it, updated by itself. */
export function WorkQueuePage() {
  const { t, i18n } = useTranslation(PROCESSING);
  const { principal } = useAuth();
  const procedureName = useProcedureName();
  const [scope, setScope] = useState<'mine' | 'unit'>(principal?.roles.includes('specialist') ? 'mine' : 'unit');
  const [status, setStatus] = useState<number | undefined>();
  const [dueWithin, setDueWithin] = useState<number | undefined>();
  const [code, setCode] = useState('');
  const filters: Omit<WorkQueueFilters, 'cursor' | 'limit'> = {
    ...(scope === 'mine' ? { assignee: 'me' } : {}),
    ...(status ? { status } : {}),
    ...(dueWithin !== undefined
      ? { dueBefore: dayjs().tz(ZONE).add(dueWithin, 'day').endOf('day').toISOString() }
      : {}),
    ...(code.trim().length >= CODE_PREFIX ? ({ code: code.trim() } as object) : {}),
  };
  const queue = useWorkQueue(filters);
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <h1 className="page-title">{t('queue.title')}</h1>
      <Flex component="section" aria-label={t('queue.filters')} wrap gap={12} align="end">
        <Labelled label={t('queue.scope')} htmlFor="queue-scope">
          <Segmented<'mine' | 'unit'>
            id="queue-scope"
            value={scope}
            onChange={setScope}
            options={[
              { value: 'mine', label: t('queue.mine') },
              { value: 'unit', label: t('queue.unit') },
            ]}
          />
        </Labelled>
        <Labelled label={t('queue.status')} htmlFor="queue-status">
          <Select
            id="queue-status"
            allowClear
            placeholder={t('queue.anyStatus')}
            value={status}
            onChange={setStatus}
            style={{ minWidth: 200 }}
            options={STATUSES.map((value) => ({ value, label: i18n.t(`status.${value}`) }))}
          />
        </Labelled>
        <Labelled label={t('queue.dueBefore')} htmlFor="queue-due">
          <Select
            id="queue-due"
            allowClear
            placeholder={t('queue.anyDue')}
            value={dueWithin}
            onChange={setDueWithin}
            style={{ minWidth: 170 }}
            options={DUE_WITHIN_DAYS.map((days) => ({ value: days, label: t(`queue.dueWithin.${days}`) }))}
          />
        </Labelled>
        <Labelled label={t('queue.code')} htmlFor="queue-code">
          <Input.Search
            id="queue-code"
            allowClear
            placeholder={t('queue.codePlaceholder')}
            onSearch={setCode}
            onChange={(event) => !event.target.value && setCode('')}
            style={{ minWidth: 240 }}
          />
        </Labelled>
      </Flex>
      <ProblemAlert error={queue.error} />
      <section aria-busy={queue.isFetching}>
        <ListStatus label={t('queue.shown', { count: items.length })} fetching={queue.isFetching} />
        {queue.isPending ? (
          <Spin />
        ) : items.length === 0 ? (
          <Empty description={t('common.empty', { ns: 'common' })} />
        ) : (
          <table className="queue-table">
            <caption>{t('queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('queue.code')}</th>
                <th scope="col">{t('queue.procedure')}</th>
                <th scope="col">{t('queue.applicant')}</th>
                <th scope="col">{t('queue.state')}</th>
                <th scope="col">{t('queue.dueAt')}</th>
                <th scope="col" className="optional">
                  {t('queue.receivedAt')}
                </th>
                <th scope="col" className="optional">
                  {t('queue.assignee')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className={`urgency-${urgencyOf(item.dueAt)}`}>
                  <td data-label={t('queue.code')}>
                    <Link to={`/ho-so/${item.id}`}>{item.code}</Link>
                  </td>
                  <td data-label={t('queue.procedure')}>{procedureName(item.procedure.code, i18n.language)}</td>
                  <td data-label={t('queue.applicant')}>{item.applicant.name}</td>
                  <td data-label={t('queue.state')}>
                    <StatusTag status={item.status} />
                  </td>
                  <td data-label={t('queue.dueAt')}>
                    <DueCell dueAt={item.dueAt} />
                  </td>
                  <td data-label={t('queue.receivedAt')} className="optional">
                    {formatDate(item.receivedAt)}
                  </td>
                  <td data-label={t('queue.assignee')} className="optional">
                    {item.assigneeId === principal?.subject
                      ? t('queue.assignedToMe')
                      : item.assigneeId
                        ? item.assigneeId.slice(0, 8)
                        : t('queue.unassigned')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ListFooter
          hasMore={Boolean(queue.hasNextPage)}
          loading={queue.isFetchingNextPage}
          shown={items.length}
          onMore={() => void queue.fetchNextPage()}
        />
      </section>
    </Space>
  );
}
