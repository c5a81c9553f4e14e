import { Alert, Button, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../api/problem';
import { useProcedureName } from '../../reference/queries';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { StatusTag } from '../../ui/StatusTag';
import { useDossierAction, useWorkItem } from '../../work-queue/queries';
import { placeFieldProblems } from '../../ui/problems';
import { LEADERSHIP } from '../strings';
import type { WorkItem } from './queries';
import type { SigningKey } from './signing-key';

export type Decision = 'approve' | 'reject';

/** The service's limits on a reason's length, asked up front. */
const REASON_MIN = 3;
const REASON_MAX = 1000;

/**
 * Approving or rejecting one dossier at the version the leader read. A 409 (someone acted in the
 * meantime) is said plainly, with the choice to read the dossier again and decide on what it is now.
 */
export function DecisionDialog({
  item,
  decision,
  signingKey,
  onClose,
  onDecided,
}: {
  item: WorkItem;
  decision: Decision;
  signingKey: SigningKey | null;
  onClose: () => void;
  onDecided: (item: WorkItem, decision: Decision) => void;
}) {
  const { t, i18n } = useTranslation(LEADERSHIP);
  const procedureName = useProcedureName();
  const [form] = Form.useForm<{ reason?: string }>();
  const [read, setRead] = useState<WorkItem>(item);
  const [stale, setStale] = useState(false);
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const act = useDossierAction(item.id);
  // Read again only when a 409 says the copy on screen is old.
  const current = useWorkItem(item.id);
  const allowed = read.allowedActions.includes(decision);
  const labels = { reason: t('decision.reason') };

  async function confirm() {
    // The form shows what is missing next to each field; nothing is sent.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setUnplaced(null);
    try {
      const updated = await act.mutateAsync({
        action: decision,
        version: read.version,
        ...(decision === 'reject' ? { reason: values.reason?.trim() } : {}),
      });
      onDecided(updated ?? read, decision);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409) {
        setStale(true);
        return;
      }
      setUnplaced(placeFieldProblems(form, error, labels));
    }
  }

  async function reload() {
    const result = await current.refetch();
    if (result.data) {
      setRead(result.data);
      setStale(false);
    }
  }

  const title = t(`decision.title.${decision}`, { code: read.code });
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('actions.cancel', { ns: 'common' })}
        </Button>,
        <Button
          key="confirm"
          type="primary"
          danger={decision === 'reject'}
          loading={act.isPending}
          disabled={stale || !allowed}
          onClick={() => void confirm()}
        >
          {t(`decision.confirm.${decision}`)}
        </Button>,
      ]}
    >
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('approvals.procedure')}>
          {procedureName(read.procedure.code, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('approvals.applicant')}>{read.applicant.name}</Descriptions.Item>
        <Descriptions.Item label={t('approvals.dueAt')}>{formatDateTime(read.dueAt) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('approvals.state')}>
          <StatusTag status={read.status} /> {t(`state.${read.state}`, { defaultValue: read.state })}
        </Descriptions.Item>
      </Descriptions>
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={t('decision.staleTitle')}
          description={t('decision.staleText')}
          action={
            <Button size="small" onClick={() => void reload()} loading={current.isFetching}>
              {t('decision.reload')}
            </Button>
          }
        />
      )}
      {!stale && !allowed && (
        <Alert
          type="info"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          title={t('decision.noLongerAllowed', { state: t(`state.${read.state}`, { defaultValue: read.state }) })}
        />
      )}
      {decision === 'approve' && allowed && (
        <Typography.Paragraph>{t(`decision.signing.${signingKey?.kind ?? 'unknown'}`)}</Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" preserve={false}>
        {decision === 'reject' && (
          <Form.Item
            name="reason"
            label={labels.reason}
            extra={t('decision.reasonHint')}
            rules={[
              { required: true, whitespace: true, message: t('decision.reasonRequired') },
              { min: REASON_MIN, message: t('decision.reasonTooShort', { min: REASON_MIN }) },
            ]}
          >
            <Input.TextArea rows={4} maxLength={REASON_MAX} showCount autoFocus disabled={!allowed} />
          </Form.Item>
        )}
      </Form>
      <ProblemAlert error={unplaced} labels={labels} placed={['reason']} />
    </Modal>
  );
}
