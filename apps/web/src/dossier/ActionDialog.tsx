import { Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DossierAction } from '../work-queue/queries';
import { PROCESSING } from '../work-queue/strings';

export type ActionName = DossierAction['action'];

/** The actions the workflow refuses without a reason (the routing service's rule, repeated here only to ask for it up front). */
export const NEEDS_REASON: ReadonlySet<ActionName> = new Set([
  'request-supplement',
  'request-fees',
  'reject',
  'stop',
  'transfer',
  'withdraw',
]);

export interface ActionInput {
  reason?: string;
  resultChannel?: DossierAction['resultChannel'];
  targetUnitCode?: string;
}

/** What an action asks of the officer before it is done: its reason, how the result is returned, or where the dossier goes. */
export function ActionDialog({
  action,
  busy,
  onCancel,
  onConfirm,
}: {
  action: ActionName | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (input: ActionInput) => void;
}) {
  const { t } = useTranslation(PROCESSING);
  const [form] = Form.useForm<ActionInput>();
  if (!action) return null;
  return (
    <Modal
      open
      title={t(`dossier.action.${action}`)}
      okText={t(`dossier.action.${action}`)}
      cancelText={t('actions.cancel', { ns: 'common' })}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then(onConfirm)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ resultChannel: 'counter' }} preserve={false}>
        {NEEDS_REASON.has(action) && (
          <Form.Item
            name="reason"
            label={t('dossier.reason')}
            rules={[{ required: true, whitespace: true, message: t('dossier.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={1000} autoFocus />
          </Form.Item>
        )}
        {action === 'return-result' && (
          <Form.Item name="resultChannel" label={t('dossier.resultChannel')}>
            <Radio.Group
              options={(['counter', 'post', 'electronic'] as const).map((value) => ({
                value,
                label: t(`dossier.channel.${value}`),
              }))}
            />
          </Form.Item>
        )}
        {action === 'transfer' && (
          <Form.Item
            name="targetUnitCode"
            label={t('dossier.targetUnit')}
            rules={[{ required: true, message: t('dossier.reasonRequired') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
