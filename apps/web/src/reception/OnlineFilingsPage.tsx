import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space, Spin, message as antdMessage } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useProcedureName } from '../reference/queries';
import { formatDateTime } from '../ui/format';
import { Pill } from '../ui/Pill';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useDocumentName } from './document-names';
import { Decision, IntakeDecisionDialog } from './IntakeDecisionDialog';
import { ListFooter, ListStatus } from '../ui/ListParts';
import { OnlineFiling, useOnlineFilings } from './queries';
import { RECEPTION } from './strings';
import './reception.css';

/**
 * The online filings waiting for this desk, the earliest first, updated by themselves: each is
 * received (then its receipt printed) or refused with a reason.
 */
export function OnlineFilingsPage() {
  const { t, i18n } = useTranslation(RECEPTION);
  // Its own holder: screens that confirm with a message carry it, the others do not download it.
  const [message, messageHolder] = antdMessage.useMessage();
  const filings = useOnlineFilings();
  const procedureName = useProcedureName();
  const [deciding, setDeciding] = useState<{ filing: OnlineFiling; decision: Decision } | null>(null);
  const [received, setReceived] = useState<string[]>([]);
  const [alreadyDecided, setAlreadyDecided] = useState<string | null>(null);
  const items = filings.data?.pages.flatMap((page) => page.items) ?? [];

  function decided(code: string, decision: Decision) {
    setDeciding(null);
    setAlreadyDecided(null);
    if (decision === 'receive') setReceived((current) => [code, ...current.filter((other) => other !== code)]);
    else void message.success(t('online.refused', { code }));
  }

  function decidedElsewhere(code: string) {
    setDeciding(null);
    setAlreadyDecided(code);
    void filings.refetch();
  }

  return (
    <>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {messageHolder}
        <h1 className="page-title">{t('online.title')}</h1>
        {received.length > 0 && (
          <section aria-labelledby="just-received" aria-live="polite">
            <h2 id="just-received" className="reception-section-title">
              {t('online.receivedTitle')}
            </h2>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {received.map((code) => (
                <Alert
                  key={code}
                  type="success"
                  showIcon
                  title={t('online.received', { code })}
                  action={
                    <Link
                      to={`/quay/bien-nhan/${encodeURIComponent(code)}`}
                      aria-label={t('online.printReceiptLabel', { code })}
                    >
                      <PrinterOutlined aria-hidden /> {t('online.printReceipt')}
                    </Link>
                  }
                  closable={{
                    'aria-label': t('common.dismiss'),
                    onClose: () => setReceived((current) => current.filter((other) => other !== code)),
                  }}
                />
              ))}
            </Space>
          </section>
        )}
        {alreadyDecided && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('online.alreadyDecided', { code: alreadyDecided })}
            closable={{ 'aria-label': t('common.dismiss'), onClose: () => setAlreadyDecided(null) }}
          />
        )}
        <ProblemAlert error={filings.error} />
        <section aria-busy={filings.isFetching} aria-label={t('online.caption')}>
          <ListStatus label={t('common.shown', { count: items.length })} fetching={filings.isFetching} />
          {filings.isPending ? (
            <Spin />
          ) : items.length === 0 ? (
            <Empty description={t('online.empty')} />
          ) : (
            <table className="queue-table">
              <caption>{t('online.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common.code')}</th>
                  <th scope="col">{t('common.procedure')}</th>
                  <th scope="col">{t('common.applicant')}</th>
                  <th scope="col">{t('online.filedAt')}</th>
                  <th scope="col">{t('online.documents')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((filing) => (
                  <tr key={filing.id}>
                    <td data-label={t('common.code')}>{filing.code}</td>
                    <td data-label={t('common.procedure')}>{procedureName(filing.procedure.code, i18n.language)}</td>
                    <td data-label={t('common.applicant')}>{filing.applicant.name}</td>
                    <td data-label={t('online.filedAt')}>{formatDateTime(filing.filedAt)}</td>
                    <td data-label={t('online.documents')}>
                      <DocumentsCell filing={filing} />
                    </td>
                    <td data-label={t('common.actions')}>
                      <Space wrap size={4}>
                        <Button
                          size="small"
                          type="primary"
                          onClick={() => setDeciding({ filing, decision: 'receive' })}
                          aria-label={t('online.receiveLabel', { code: filing.code })}
                        >
                          {t('online.receive')}
                        </Button>
                        <Button
                          size="small"
                          danger
                          onClick={() => setDeciding({ filing, decision: 'refuse' })}
                          aria-label={t('online.refuseLabel', { code: filing.code })}
                        >
                          {t('online.refuse')}
                        </Button>
                      </Space>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <ListFooter
            hasMore={Boolean(filings.hasNextPage)}
            loading={filings.isFetchingNextPage}
            shown={items.length}
            onMore={() => void filings.fetchNextPage()}
          />
        </section>
        {deciding && (
          <IntakeDecisionDialog
            filing={deciding.filing}
            decision={deciding.decision}
            onClose={() => setDeciding(null)}
            onDecided={(decision) => decided(deciding.filing.code, decision)}
            onAlreadyDecided={() => decidedElsewhere(deciding.filing.code)}
          />
        )}
      </Space>
    </>
  );
}

/** What was attached, and the missing documents named, not only coloured. */
function DocumentsCell({ filing }: { filing: OnlineFiling }) {
  const { t, i18n } = useTranslation(RECEPTION);
  const documentName = useDocumentName();
  const missing = filing.missingDocuments.map((type) => documentName(filing.procedure.code, type, i18n.language));
  return (
    <Space orientation="vertical" size={2}>
      <span>{t('online.attached', { count: filing.documents.length })}</span>
      {missing.length > 0 && (
        <>
          <Pill tone="orange">{t('online.missingCount', { count: missing.length })}</Pill>
          <span>{t('online.missing', { documents: missing.join('; ') })}</span>
        </>
      )}
    </Space>
  );
}
