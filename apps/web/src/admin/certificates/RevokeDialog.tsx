import { Alert, Checkbox, Descriptions, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { showFieldProblems } from '../../ui/problems';
import { ADMIN } from '../strings';
import { Certificate, REVOCATION_REASONS, RevocationReason, useRevokeCertificate } from './queries';

interface RevokeForm {
  reason: RevocationReason;
  understood: boolean;
}

/**
 * Revokes a certificate for good: it goes on the CRL, its key is dropped, and the signatures that
 * waited for it fail. The administrator names the reason and says they understand it is final.
 */
export function RevokeDialog({
  certificate,
  onClose,
  onRevoked,
}: {
  certificate: Certificate;
  onClose: () => void;
  onRevoked: () => void;
}) {
  const { t } = useTranslation(ADMIN);
  const [form] = Form.useForm<RevokeForm>();
  const revoke = useRevokeCertificate();
  const labels = { reason: t('certificates.revocationReason') };

  async function submit({ reason }: RevokeForm) {
    try {
      await revoke.mutateAsync({ id: certificate.id, reason });
      onRevoked();
      onClose();
    } catch (error) {
      showFieldProblems(t, form, error, labels);
    }
  }

  return (
    <Modal
      open
      title={t('certificates.revokeTitle', { name: certificate.commonName })}
      okText={t('certificates.revokeSubmit')}
      okButtonProps={{ danger: true }}
      cancelText={t('actions.cancel', { ns: 'common' })}
      confirmLoading={revoke.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('certificates.revokeWarning')} style={{ marginBottom: 16 }} />
      <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
        <Descriptions.Item
          label={t('certificates.holder')}
        >{`${certificate.commonName} (${certificate.userId})`}</Descriptions.Item>
        <Descriptions.Item label={t('certificates.serial')}>{certificate.serialNumber}</Descriptions.Item>
        <Descriptions.Item label={t('certificates.validity')}>
          {t('certificates.validFromTo', {
            from: formatDate(certificate.notBefore),
            to: formatDate(certificate.notAfter),
          })}
        </Descriptions.Item>
      </Descriptions>
      <Form<RevokeForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="reason"
          label={labels.reason}
          rules={[{ required: true, message: t('required', { field: labels.reason }) }]}
        >
          <Select
            options={REVOCATION_REASONS.map((reason) => ({
              value: reason,
              label: t(`certificates.reasons.${reason}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="understood"
          valuePropName="checked"
          rules={[
            {
              validator: async (_, checked: boolean) =>
                checked ? undefined : Promise.reject(new Error(t('certificates.confirmRequired'))),
            },
          ]}
        >
          <Checkbox>{t('certificates.revokeUnderstood')}</Checkbox>
        </Form.Item>
      </Form>
      <ProblemAlert error={revoke.error} labels={labels} placed={Object.keys(labels)} />
    </Modal>
  );
}
