import { Button, Empty, Space, Spin, message as antdMessage } from 'antd';
import { Pill } from '../../ui/Pill';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { useProcedureName } from '../../reference/queries';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { urgencyOf } from '../../work-queue/deadline';
import { DueCell } from '../../ui/DueCell';
import { ListFooter, ListStatus } from '../../ui/ListParts';
import { LEADERSHIP } from '../strings';
import { Decision, DecisionDialog } from './DecisionDialog';
import { DecisionProgress, TrackedDecision } from './DecisionProgress';
import { DeviceSigningDialog } from './DeviceSigningDialog';
import { DeviceSigningList } from './DeviceSigningList';
import { SignatureRequest, useDecisionQueue, useMyCertificates, useSignatureRequests, WorkItem } from './queries';
import { signingKeyOf } from './signing-key';
import { SigningKeyNotice } from './SigningKeyNotice';
import '../leadership.css';

/** A dossier the leader decides now, or whose decision is being signed. */
const awaitsLeader = (item: WorkItem) =>
  item.allowedActions.includes('approve') ||
  item.allowedActions.includes('reject') ||
  item.state === 'awaiting-signature';

/**
 * The unit's dossiers waiting for the leader's decision: approve or reject each at the version read,
 * follow the signature that makes the result, and sign on a device the results that wait for it.
 */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation(LEADERSHIP);
  const { principal } = useAuth();
  const [message, messageHolder] = antdMessage.useMessage();
  const procedureName = useProcedureName();
  const queue = useDecisionQueue();
  const certificates = useMyCertificates(principal?.subject, principal?.unitCode);
  const requests = useSignatureRequests();
  const signingKey = certificates.data ? signingKeyOf(certificates.data) : null;
  const deviceCertificate = signingKey?.kind === 'device' ? signingKey.certificate : null;
  const [deciding, setDeciding] = useState<{ item: WorkItem; decision: Decision } | null>(null);
  const [tracked, setTracked] = useState<TrackedDecision[]>([]);
  const [signingRequest, setSigningRequest] = useState<SignatureRequest | null>(null);
  const items = (queue.data?.pages.flatMap((page) => page.items) ?? []).filter(awaitsLeader);
  const waiting = requests.data ?? [];
  const waitingFor = (dossierId: string) => waiting.find((request) => request.dossierId === dossierId);

  function decided(item: WorkItem, decision: Decision) {
    setDeciding(null);
    setTracked((current) => [
      { id: item.id, code: item.code, decision },
      ...current.filter((entry) => entry.id !== item.id),
    ]);
    void message.success(t(`decision.done.${decision}`, { code: item.code }));
  }

  function signed(request: SignatureRequest) {
    setSigningRequest(null);
    void requests.refetch();
    void message.success(t('device.signed', { code: request.dossierCode }));
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {messageHolder}
      <h1 className="page-title">{t('approvals.title')}</h1>
      <SigningKeyNotice
        signingKey={signingKey}
        loading={certificates.isPending && certificates.fetchStatus !== 'idle'}
        error={certificates.error}
      />

      {tracked.length > 0 && (
        <section aria-labelledby="decisions-in-progress" aria-live="polite">
          <h2 id="decisions-in-progress" className="section-title">
            {t('progress.title')}
          </h2>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {tracked.map((entry) => (
              <DecisionProgress
                key={entry.id}
                tracked={entry}
                waitingRequest={waitingFor(entry.id)}
                onSignWithDevice={setSigningRequest}
                onDismiss={() => setTracked((current) => current.filter((other) => other.id !== entry.id))}
              />
            ))}
          </Space>
        </section>
      )}

      {(waiting.length > 0 || signingKey?.kind === 'device' || requests.error) && (
        <DeviceSigningList
          requests={waiting}
          error={requests.error}
          canSign={Boolean(deviceCertificate)}
          onSign={setSigningRequest}
        />
      )}

      <section aria-labelledby="decisions-waiting" aria-busy={queue.isFetching}>
        <h2 id="decisions-waiting" className="section-title">
          {t('approvals.waitingTitle')}
        </h2>
        <ProblemAlert error={queue.error} />
        <ListStatus label={t('approvals.shown', { count: items.length })} fetching={queue.isFetching} />
        {queue.isPending ? (
          <Spin />
        ) : items.length === 0 ? (
          <Empty description={t('approvals.empty')} />
        ) : (
          <table className="queue-table">
            <caption>{t('approvals.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('approvals.code')}</th>
                <th scope="col">{t('approvals.procedure')}</th>
                <th scope="col">{t('approvals.applicant')}</th>
                <th scope="col">{t('approvals.dueAt')}</th>
                <th scope="col">{t('approvals.decision')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} className={`urgency-${urgencyOf(item.dueAt)}`}>
                  <td data-label={t('approvals.code')}>
                    <Link to={`/ho-so/${item.id}`}>{item.code}</Link>
                  </td>
                  <td data-label={t('approvals.procedure')}>{procedureName(item.procedure.code, i18n.language)}</td>
                  <td data-label={t('approvals.applicant')}>{item.applicant.name}</td>
                  <td data-label={t('approvals.dueAt')}>
                    <DueCell dueAt={item.dueAt} paused={item.clockPaused} />
                  </td>
                  <td data-label={t('approvals.decision')}>
                    <DecisionCell
                      item={item}
                      waitingRequest={waitingFor(item.id)}
                      canSign={Boolean(deviceCertificate)}
                      onDecide={(decision) => setDeciding({ item, decision })}
                      onSign={setSigningRequest}
                    />
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

      {deciding && (
        <DecisionDialog
          item={deciding.item}
          decision={deciding.decision}
          signingKey={signingKey}
          onClose={() => setDeciding(null)}
          onDecided={decided}
        />
      )}
      {signingRequest && deviceCertificate && (
        <DeviceSigningDialog
          request={signingRequest}
          certificate={deviceCertificate}
          onClose={() => setSigningRequest(null)}
          onSigned={signed}
        />
      )}
    </Space>
  );
}

/** Approve and reject for a dossier in processing; for one being signed, where its signature stands. */
function DecisionCell({
  item,
  waitingRequest,
  canSign,
  onDecide,
  onSign,
}: {
  item: WorkItem;
  waitingRequest: SignatureRequest | undefined;
  canSign: boolean;
  onDecide: (decision: Decision) => void;
  onSign: (request: SignatureRequest) => void;
}) {
  const { t } = useTranslation(LEADERSHIP);
  if (item.state === 'awaiting-signature') {
    if (waitingRequest) {
      return (
        <Space wrap size={4}>
          <Pill tone="blue">{t('approvals.waitingDevice')}</Pill>
          <Button
            size="small"
            type="primary"
            disabled={!canSign}
            onClick={() => onSign(waitingRequest)}
            aria-label={t('approvals.signLabel', { code: item.code })}
          >
            {t('approvals.sign')}
          </Button>
        </Space>
      );
    }
    return (
      <Pill tone="blue">
        <Spin size="small" aria-hidden /> {t('progress.signing')}
      </Pill>
    );
  }
  return (
    <Space wrap size={4}>
      {item.allowedActions.includes('approve') && (
        <Button
          size="small"
          type="primary"
          onClick={() => onDecide('approve')}
          aria-label={t('approvals.approveLabel', { code: item.code })}
        >
          {t('approvals.approve')}
        </Button>
      )}
      {item.allowedActions.includes('reject') && (
        <Button
          size="small"
          danger
          onClick={() => onDecide('reject')}
          aria-label={t('approvals.rejectLabel', { code: item.code })}
        >
          {t('approvals.reject')}
        </Button>
      )}
    </Space>
  );
}
