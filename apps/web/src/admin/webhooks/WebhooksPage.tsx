import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, Space, Spin, message as antdMessage } from 'antd';
import { Pill } from '../../ui/Pill';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ADMIN } from '../strings';
import { Column, DataTable } from '../ui/DataTable';
import { NewWebhookSubscription, useUnsubscribeWebhook, useWebhooks, WebhookSubscription } from './queries';
import { SecretOnce } from './SecretOnce';
import { SubscribeDialog } from './SubscribeDialog';

/** The systems of the province and its units that receive its notices as signed webhook calls. */
export function WebhooksPage() {
  const { t } = useTranslation(ADMIN);
  const [message, messageHolder] = antdMessage.useMessage();
  const [modal, modalHolder] = Modal.useModal();
  const webhooks = useWebhooks();
  const unsubscribe = useUnsubscribeWebhook();
  const [subscribing, setSubscribing] = useState(false);
  const [created, setCreated] = useState<NewWebhookSubscription | null>(null);

  function confirmUnsubscribe(subscription: WebhookSubscription) {
    void modal.confirm({
      title: t('webhooks.unsubscribeTitle'),
      content: t('webhooks.unsubscribeText', { url: subscription.url }),
      okText: t('webhooks.unsubscribe'),
      okButtonProps: { danger: true },
      cancelText: t('actions.cancel', { ns: 'common' }),
      onOk: () =>
        unsubscribe.mutateAsync(subscription.id).then(
          () => void message.success(t('webhooks.unsubscribed')),
          // The dialog closes either way; the problem shows above the table.
          () => undefined,
        ),
    });
  }

  const columns: Column<WebhookSubscription>[] = [
    { key: 'url', title: t('webhooks.url'), className: 'code', render: (subscription) => subscription.url },
    { key: 'tenant', title: t('webhooks.tenant'), render: (subscription) => subscription.tenantCode },
    {
      key: 'kinds',
      title: t('webhooks.kinds'),
      render: (subscription) =>
        subscription.kinds.length === 0
          ? t('webhooks.allKinds')
          : subscription.kinds.map((kind) => (
              <Pill key={kind} tone="grey">
                {t(`kinds.${kind}`, { defaultValue: kind })}
              </Pill>
            )),
    },
    {
      key: 'state',
      title: t('webhooks.state'),
      render: (subscription) =>
        subscription.active ? (
          <Pill tone="green">{t('webhooks.active')}</Pill>
        ) : (
          <Pill tone="grey">{t('webhooks.stopped')}</Pill>
        ),
    },
    {
      key: 'created',
      title: t('webhooks.createdAt'),
      optional: true,
      className: 'nowrap',
      render: (subscription) => formatDateTime(subscription.createdAt),
    },
    { key: 'by', title: t('webhooks.createdBy'), optional: true, render: (subscription) => subscription.createdBy },
    {
      key: 'actions',
      title: t('webhooks.actions'),
      className: 'actions',
      render: (subscription) =>
        subscription.active && (
          <Button
            size="small"
            danger
            onClick={() => confirmUnsubscribe(subscription)}
            aria-label={t('webhooks.unsubscribeOf', { url: subscription.url })}
          >
            {t('webhooks.unsubscribe')}
          </Button>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {messageHolder}
      {modalHolder}
      <Flex wrap gap={12} align="center" justify="space-between">
        <h1 className="page-title">{t('webhooks.title')}</h1>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setSubscribing(true)}>
          {t('webhooks.subscribe')}
        </Button>
      </Flex>
      <p style={{ margin: 0 }}>{t('webhooks.intro')}</p>
      <ProblemAlert error={webhooks.error ?? unsubscribe.error} />
      <section aria-busy={webhooks.isFetching}>
        {webhooks.isPending ? (
          <Spin />
        ) : (
          <DataTable
            caption={t('webhooks.caption', { count: webhooks.data?.length ?? 0 })}
            columns={columns}
            rows={webhooks.data ?? []}
            rowKey={(subscription) => subscription.id}
          />
        )}
      </section>
      {subscribing && (
        <SubscribeDialog
          onClose={() => setSubscribing(false)}
          onSubscribed={(subscription) => {
            setSubscribing(false);
            setCreated(subscription);
          }}
        />
      )}
      {created && <SecretOnce subscription={created} onClose={() => setCreated(null)} />}
    </Space>
  );
}
