import { Descriptions, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { useProcedureName } from '../reference/queries';
import { formatDateTime } from '../ui/format';
import { ProblemAlert } from '../ui/ProblemAlert';
import { showFieldProblems } from '../ui/problems';
import { useDocumentName } from './document-names';
import { OnlineFiling, useIntakeDecision } from './queries';
import { REASON_MAX, reasonRules } from './reason-rules';
import { RECEPTION } from './strings';

export type Decision = 'receive' | 'refuse';

interface DecisionForm {
  reason?: string;
}

/**
 * Receiving or refusing one online filing. A refusal always says why; a reception says why only
 * when required documents are missing (the service's rule, asked up front, and asked again if the
 * service finds documents missing that the list did not show).
 */
export function IntakeDecisionDialog({
  filing,
  decision,
  onClose,
  onDecided,
  onAlreadyDecided,
}: {
  filing: OnlineFiling;
  decision: Decision;
  onClose: () => void;
  onDecided: (decision: Decision) => void;
  onAlreadyDecided: () => void;
}) {
  const { t, i18n } = useTranslation(RECEPTION);
  const [form] = Form.useForm<DecisionForm>();
  const decide = useIntakeDecision(filing.code);
  const procedureName = useProcedureName();
  const documentName = useDocumentName();
  const [serviceAsksReason, setServiceAsksReason] = useState(false);
  const missing = filing.missingDocuments.map((type) => documentName(filing.procedure.code, type, i18n.language));
  const refusing = decision === 'refuse';
  const knownToNeedReason = refusing || missing.length > 0;
  const asksReason = knownToNeedReason || serviceAsksReason;
  const reasonLabel = refusing ? t('online.refuseReason') : t('online.missingReason');
  const labels = { reason: reasonLabel };

  async function submit(values: DecisionForm) {
    const reason = values.reason?.trim();
    try {
      await decide.mutateAsync({ decision, ...(reason ? { reason } : {}) });
      onDecided(decision);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409) return onAlreadyDecided();
      if (error instanceof ApiProblem && error.errors.some((problem) => problem.field === 'reason'))
        setServiceAsksReason(true);
      // A field added only now is not in the form yet: its problem stays in the alert below.
      showFieldProblems(t, form, error, knownToNeedReason ? labels : {});
    }
  }

  return (
    <Modal
      open
      title={t(refusing ? 'online.refuseTitle' : 'online.receiveTitle', { code: filing.code })}
      okText={refusing ? t('online.refuseConfirm') : t('online.receive')}
      okButtonProps={{ danger: refusing }}
      cancelText={t('actions.cancel', { ns: 'common' })}
      confirmLoading={decide.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('common.applicant')}>{filing.applicant.name}</Descriptions.Item>
        <Descriptions.Item label={t('common.procedure')}>
          {procedureName(filing.procedure.code, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('online.filedAt')}>{formatDateTime(filing.filedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('online.documents')}>
          {filing.documents.length
            ? filing.documents
                .map((document) => documentName(filing.procedure.code, document.type, i18n.language))
                .join('; ')
            : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Form<DecisionForm> form={form} layout="vertical" onFinish={(values) => void submit(values)} preserve={false}>
        {asksReason && (
          <Form.Item
            name="reason"
            label={reasonLabel}
            extra={
              refusing
                ? t('online.refuseReasonHelp')
                : missing.length
                  ? t('online.missingReasonHelp', { documents: missing.join('; ') })
                  : undefined
            }
            rules={reasonRules(t)}
          >
            <Input.TextArea rows={3} maxLength={REASON_MAX} autoFocus />
          </Form.Item>
        )}
      </Form>
      <ProblemAlert
        error={decide.error instanceof ApiProblem && decide.error.status === 409 ? null : decide.error}
        labels={labels}
        placed={knownToNeedReason ? ['reason'] : []}
      />
    </Modal>
  );
}
