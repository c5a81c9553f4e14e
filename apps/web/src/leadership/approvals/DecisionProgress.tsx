import { Alert, Button, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useDossierHistory, useWorkItem } from '../../work-queue/queries';
import { LEADERSHIP } from '../strings';
import type { Decision } from './DecisionDialog';
import type { SignatureRequest } from './queries';

/** A decision the leader took on this screen, followed until its result is signed or the signature fails. */
export interface TrackedDecision {
  id: string;
  code: string;
  decision: Decision;
}

/** While the signature is made the dossier is read this often: a key the service holds signs within seconds. */
const SIGNING_POLL_MS = 2_000;
const DONE_STATUS = 9;

/**
 * Where a decision stands: being signed ("đang ký số…"), waiting for the leader's device, signed
 * with the result ready (status 9), or back in processing because the signature could not be made.
 */
export function DecisionProgress({
  tracked,
  waitingRequest,
  onSignWithDevice,
  onDismiss,
}: {
  tracked: TrackedDecision;
  waitingRequest: SignatureRequest | undefined;
  onSignWithDevice: (request: SignatureRequest) => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation(LEADERSHIP);
  const item = useWorkItem(tracked.id);
  const history = useDossierHistory(tracked.id);
  const state = item.data?.state;
  const signing = state === 'awaiting-signature';
  const { refetch: refetchItem } = item;
  const { refetch: refetchHistory } = history;

  useEffect(() => {
    if (!signing) return;
    const timer = window.setInterval(() => void refetchItem(), SIGNING_POLL_MS);
    return () => window.clearInterval(timer);
  }, [signing, refetchItem]);

  // Once the signature is settled, the history says how: signed, or failed with the reason.
  useEffect(() => {
    if (state && state !== 'awaiting-signature') void refetchHistory();
  }, [state, item.data?.version, refetchHistory]);

  const dossier = <Link to={`/ho-so/${tracked.id}`}>{tracked.code}</Link>;
  const dismiss = (
    <Button size="small" type="text" onClick={onDismiss} aria-label={t('progress.dismiss', { code: tracked.code })}>
      {t('progress.hide')}
    </Button>
  );
  if (item.error) return <ProblemAlert error={item.error} />;
  if (!item.data) return <Spin size="small" />;

  const lastEntry = history.data?.at(-1);
  if (item.data.status === DONE_STATUS) {
    return (
      <Alert
        type="success"
        showIcon
        title={
          <>
            {dossier} — {t(`progress.signed.${tracked.decision}`)}
          </>
        }
        action={dismiss}
      />
    );
  }
  if (signing && waitingRequest) {
    return (
      <Alert
        type="info"
        showIcon
        title={
          <>
            {dossier} — {t('progress.waitingDevice')}
          </>
        }
        action={
          <Button size="small" type="primary" onClick={() => onSignWithDevice(waitingRequest)}>
            {t('progress.signNow')}
          </Button>
        }
      />
    );
  }
  // Just settled and the history not yet read again: still "being signed" rather than a guess.
  if (signing || history.isFetching) {
    return (
      <Alert
        type="info"
        showIcon
        icon={<Spin size="small" />}
        title={
          <>
            {dossier} — {t('progress.signing')}
          </>
        }
      />
    );
  }
  if (lastEntry?.action === 'signature-failed') {
    return (
      <Alert
        type="error"
        showIcon
        title={
          <>
            {dossier} — {t('progress.failed')}
          </>
        }
        description={
          <>
            {lastEntry.reason && <div>{t('progress.failedReason', { reason: lastEntry.reason })}</div>}
            <div>{t('progress.failedNext')}</div>
          </>
        }
        action={dismiss}
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={
        <>
          {dossier} —{' '}
          {t('progress.changed', { state: t(`state.${item.data.state}`, { defaultValue: item.data.state }) })}
        </>
      }
      action={dismiss}
    />
  );
}
