import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ADMIN } from '../strings';
import type { NewWebhookSubscription } from './queries';

/**
 * The new subscription's signing secret, which the service shows only in this answer: the dialog
 * closes only by the administrator saying it is stored, not by a click beside it.
 */
export function SecretOnce({ subscription, onClose }: { subscription: NewWebhookSubscription; onClose: () => void }) {
  const { t } = useTranslation(ADMIN);
  return (
    <Modal
      open
      title={t('webhooks.secretTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('webhooks.secretStored')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('webhooks.secretWarning')} style={{ marginBottom: 16 }} />
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('webhooks.url')}>{subscription.url}</Descriptions.Item>
        <Descriptions.Item label={t('webhooks.secret')}>
          <Typography.Text
            code
            copyable={{ text: subscription.secret, tooltips: [t('webhooks.copy'), t('webhooks.copied')] }}
            style={{ wordBreak: 'break-all' }}
          >
            {subscription.secret}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('webhooks.secretUse')}
      </Typography.Paragraph>
    </Modal>
  );
}
