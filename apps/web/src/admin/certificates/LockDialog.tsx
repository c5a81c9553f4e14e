import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { showFieldProblems } from '../../ui/problems';
import { ADMIN } from '../strings';
import { Certificate, useLockCertificate } from './queries';

/** Locks a signing key with the reason the service records: nothing is signed with it until an administrator unlocks it. */
export function LockDialog({
  certificate,
  onClose,
  onLocked,
}: {
  certificate: Certificate;
  onClose: () => void;
  onLocked: () => void;
}) {
  const { t } = useTranslation(ADMIN);
  const [form] = Form.useForm<{ reason: string }>();
  const lock = useLockCertificate();
  const labels = { reason: t('certificates.lockReason') };

  async function submit({ reason }: { reason: string }) {
    try {
      await lock.mutateAsync({ id: certificate.id, reason: reason.trim() });
      onLocked();
      onClose();
    } catch (error) {
      showFieldProblems(t, form, error, labels);
    }
  }

  return (
    <Modal
      open
      title={t('certificates.lockTitle', { name: certificate.commonName })}
      okText={t('certificates.lock')}
      cancelText={t('actions.cancel', { ns: 'common' })}
      confirmLoading={lock.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <p>{t('certificates.lockText')}</p>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={labels.reason}
          rules={[
            { required: true, whitespace: true, message: t('required', { field: labels.reason }) },
            { min: 3, max: 500, message: t('lengthBetween', { field: labels.reason, min: 3, max: 500 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder={t('certificates.lockReasonExample')} autoFocus />
        </Form.Item>
      </Form>
      <ProblemAlert error={lock.error} labels={labels} placed={Object.keys(labels)} />
    </Modal>
  );
}
