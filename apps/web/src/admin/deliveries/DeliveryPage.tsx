import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Space, Spin, Typography, message as antdMessage } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ADMIN } from '../strings';
import { DeliveryStateTag } from './DeliveriesPage';
import { RETRYABLE, useDelivery, useRetryDelivery } from './queries';

const LIST = '/quan-tri/gui-thong-bao';

/** One delivery: where it went, through which provider, each time it was tried and why it failed; a failed one is sent again from here. */
export function DeliveryPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(ADMIN);
  const [message, messageHolder] = antdMessage.useMessage();
  const delivery = useDelivery(id);
  const retry = useRetryDelivery(id);

  if (delivery.isPending) return <Spin />;
  if (delivery.error)
    return (
      <Result
        status="warning"
        title={<ProblemAlert error={delivery.error} />}
        extra={<Link to={LIST}>{t('deliveries.back')}</Link>}
      />
    );
  const shown = delivery.data;
  const dash = (value: string | null | undefined) => value || '—';
  const when = (value: string | null) => (value ? formatDateTime(value) : '—');
  const template = shown.template;

  async function sendAgain() {
    try {
      await retry.mutateAsync();
      void message.success(t('deliveries.retried'));
    } catch {
      // Shown by the alert under the button; the delivery is read again.
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {messageHolder}
      <Link to={LIST}>
        <ArrowLeftOutlined aria-hidden /> {t('deliveries.back')}
      </Link>
      <Space wrap align="center">
        <h1 className="page-title">
          {t('deliveries.detailTitle', {
            kind: t(`kinds.${shown.kind}`, { defaultValue: shown.kind }),
            channel: t(`channels.${shown.channel}`, { defaultValue: shown.channel }),
          })}
        </h1>
        <DeliveryStateTag state={shown.state} />
      </Space>
      {RETRYABLE.has(shown.state) && (
        <Card size="small">
          <Typography.Paragraph style={{ marginTop: 0 }}>{t('deliveries.retryText')}</Typography.Paragraph>
          <Button type="primary" onClick={() => void sendAgain()} loading={retry.isPending}>
            {t('deliveries.retry')}
          </Button>
        </Card>
      )}
      <ProblemAlert error={retry.error} />
      <Card size="small" title={t('deliveries.where')}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('deliveries.kind')}>
            {t(`kinds.${shown.kind}`, { defaultValue: shown.kind })}
          </Descriptions.Item>
          <Descriptions.Item label={t('deliveries.channel')}>
            {t(`channels.${shown.channel}`, { defaultValue: shown.channel })}
          </Descriptions.Item>
          <Descriptions.Item label={t('deliveries.recipient')}>{shown.recipient}</Descriptions.Item>
          <Descriptions.Item label={t('deliveries.address')}>
            <span style={{ wordBreak: 'break-all' }}>{shown.address}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('deliveries.dossier')}>{dash(shown.dossierCode)}</Descriptions.Item>
          <Descriptions.Item label={t('deliveries.locale')}>
            {t(`locales.${shown.locale}`, { defaultValue: shown.locale })}
          </Descriptions.Item>
          <Descriptions.Item label={t('deliveries.critical')}>
            {shown.critical ? t('deliveries.criticalYes') : t('deliveries.criticalNo')}
          </Descriptions.Item>
          <Descriptions.Item label={t('deliveries.template')}>
            {template
              ? t('deliveries.templateUsed', {
                  id: template.id,
                  version: template.version,
                  origin: template.provinceCode ? t('templates.provinceVersion') : t('templates.nationalDefault'),
                })
              : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('deliveries.how')}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('deliveries.state')}>
            <DeliveryStateTag state={shown.state} />
          </Descriptions.Item>
          <Descriptions.Item label={t('deliveries.attempts')}>{shown.attempts}</Descriptions.Item>
          <Descriptions.Item label={t('deliveries.provider')}>{dash(shown.provider)}</Descriptions.Item>
          <Descriptions.Item label={t('deliveries.providerReference')}>
            <span style={{ wordBreak: 'break-all' }}>{dash(shown.providerReference)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('deliveries.createdAt')}>{when(shown.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('deliveries.sendingAt')}>{when(shown.sendingAt)}</Descriptions.Item>
          <Descriptions.Item label={t('deliveries.deliveredAt')}>{when(shown.deliveredAt)}</Descriptions.Item>
          <Descriptions.Item label={t('deliveries.failedAt')}>{when(shown.failedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('deliveries.nextAttemptAt')}>
            {shown.state === 'created' || shown.state === 'temporary-failure' ? when(shown.nextAttemptAt) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('deliveries.giveUpAt')}>{when(shown.giveUpAt)}</Descriptions.Item>
          <Descriptions.Item label={t('deliveries.lastError')} span={{ xs: 1, md: 2 }}>
            <span style={{ wordBreak: 'break-word' }}>{dash(shown.lastError)}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  );
}
