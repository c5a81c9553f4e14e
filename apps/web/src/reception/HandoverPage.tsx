import { Alert, Button, Empty, Flex, Input, Segmented, Space, Spin, message as antdMessage } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useProcedureName } from '../reference/queries';
import { formatDate } from '../ui/format';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useWorkQueue, WorkItem } from '../work-queue/queries';
import { HandoverAction, HandoverDialog } from './HandoverDialog';
import { ListFooter, ListStatus } from '../ui/ListParts';
import { RECEPTION } from './strings';
import { SupplementRequestCell } from './SupplementRequestCell';
import './reception.css';

type Kind = 'supplements' | 'results';

/** National status codes: 5 waits for the applicant's supplement, 9 has its result ready. */
const STATUS_OF: Record<Kind, number> = { supplements: 5, results: 9 };
const ACTION_OF: Record<Kind, HandoverAction> = { supplements: 'supplement-received', results: 'return-result' };

/** The server finds a whole code, or every code that starts with six characters or more. */
const CODE_PREFIX = 6;

/**
 * The dossiers received at this desk that come back to it: supplements the applicant brings in,
 * results to hand over. Each is done at the version read; the list refreshes by itself.
 */
export function HandoverPage() {
  const { t, i18n } = useTranslation(RECEPTION);
  const [message, messageHolder] = antdMessage.useMessage();
  const procedureName = useProcedureName();
  const [kind, setKind] = useState<Kind>('supplements');
  const [typedCode, setTypedCode] = useState('');
  const [acting, setActing] = useState<WorkItem | null>(null);
  const [changed, setChanged] = useState<string | null>(null);
  const code = typedCode.trim();
  const queue = useWorkQueue({
    view: 'received',
    status: STATUS_OF[kind],
    ...(code.length >= CODE_PREFIX ? { code } : {}),
  });
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];
  const action = ACTION_OF[kind];
  const supplements = kind === 'supplements';

  function done(item: WorkItem) {
    setActing(null);
    setChanged(null);
    void message.success(t(supplements ? 'handover.supplementDone' : 'handover.returnDone', { code: item.code }));
  }

  function changedMeanwhile(item: WorkItem) {
    setActing(null);
    setChanged(item.code);
    void queue.refetch();
  }

  return (
    <>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {messageHolder}
        <h1 className="page-title">{t('handover.title')}</h1>
        <Flex wrap gap={16} align="end">
          <Segmented<Kind>
            aria-label={t('handover.kind')}
            value={kind}
            onChange={(next) => {
              setKind(next);
              setChanged(null);
            }}
            options={[
              { value: 'supplements', label: t('handover.supplements') },
              { value: 'results', label: t('handover.results') },
            ]}
          />
          <Flex vertical gap={4}>
            <label htmlFor="handover-code">{t('handover.codeLabel')}</label>
            <Input
              id="handover-code"
              type="search"
              allowClear
              value={typedCode}
              onChange={(event) => setTypedCode(event.target.value)}
              placeholder={t('handover.codePlaceholder')}
              aria-describedby="handover-code-hint"
              style={{ minWidth: 260 }}
            />
            <span id="handover-code-hint" className="reception-muted" aria-live="polite">
              {code.length > 0 && code.length < CODE_PREFIX ? t('handover.codeTooShort') : ''}
            </span>
          </Flex>
        </Flex>
        {changed && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('handover.staleTitle', { code: changed })}
            description={t('handover.staleText')}
            closable={{ 'aria-label': t('common.dismiss'), onClose: () => setChanged(null) }}
          />
        )}
        <ProblemAlert error={queue.error} />
        <section
          aria-busy={queue.isFetching}
          aria-label={t(supplements ? 'handover.supplementsCaption' : 'handover.resultsCaption')}
        >
          <ListStatus label={t('common.shown', { count: items.length })} fetching={queue.isFetching} />
          {queue.isPending ? (
            <Spin />
          ) : items.length === 0 ? (
            <Empty description={t(supplements ? 'handover.emptySupplements' : 'handover.emptyResults')} />
          ) : (
            <table className="queue-table">
              <caption>{t(supplements ? 'handover.supplementsCaption' : 'handover.resultsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.code')}</th>
                  <th scope="col">{t('common.procedure')}</th>
                  <th scope="col">{t('common.applicant')}</th>
                  <th scope="col">{t('common.phone')}</th>
                  <th scope="col">{supplements ? t('handover.supplementReason') : t('handover.receivedAt')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id}>
                    <td data-label={t('common.code')}>
                      <Link to={`/ho-so/${item.id}`}>{item.code}</Link>
                    </td>
                    <td data-label={t('common.procedure')}>{procedureName(item.procedure.code, i18n.language)}</td>
                    <td data-label={t('common.applicant')}>{item.applicant.name}</td>
                    <td data-label={t('common.phone')}>{item.applicant.phone ?? '—'}</td>
                    {supplements ? (
                      <td data-label={t('handover.supplementReason')}>
                        <SupplementRequestCell dossierId={item.id} />
                      </td>
                    ) : (
                      <td data-label={t('handover.receivedAt')}>{formatDate(item.receivedAt)}</td>
                    )}
                    <td data-label={t('common.actions')}>
                      <Button
                        size="small"
                        type="primary"
                        disabled={!item.allowedActions.includes(action)}
                        onClick={() => setActing(item)}
                        aria-label={t(supplements ? 'handover.supplementReceivedLabel' : 'handover.returnResultLabel', {
                          code: item.code,
                        })}
                      >
                        {t(supplements ? 'handover.supplementReceived' : 'handover.returnResult')}
                      </Button>
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
        {acting && (
          <HandoverDialog
            item={acting}
            action={action}
            context={supplements ? <SupplementRequestCell dossierId={acting.id} /> : undefined}
            onClose={() => setActing(null)}
            onDone={() => done(acting)}
            onChanged={() => changedMeanwhile(acting)}
          />
        )}
      </Space>
    </>
  );
}
