import { Form, Input, Modal, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { showFieldProblems } from '../../ui/problems';
import { NOTICE_KINDS } from '../notice-kinds';
import { ADMIN } from '../strings';
import { NewWebhookSubscription, useSubscribeWebhook, WebhookKind } from './queries';

interface SubscribeForm {
  tenantCode: string;
  url: string;
  kinds?: WebhookKind[];
}

/** The service's shape of a tenant code (the province, or a unit of it), checked before sending. */
const TENANT_CODE = /^[0-9A-Z.]{2,20}$/;

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password;
  } catch {
    return false;
  }
}

/**
 * Subscribes a system of the province or one of its units to its notices: an https address, the
 * kinds it wants (all when none is chosen); the service makes the signing secret.
 */
export function SubscribeDialog({
  onClose,
  onSubscribed,
}: {
  onClose: () => void;
  onSubscribed: (subscription: NewWebhookSubscription) => void;
}) {
  const { t } = useTranslation(ADMIN);
  const { principal } = useAuth();
  const [form] = Form.useForm<SubscribeForm>();
  const subscribe = useSubscribeWebhook();
  const labels = useMemo(
    () => ({ tenantCode: t('webhooks.tenant'), url: t('webhooks.url'), kinds: t('webhooks.kinds') }),
    [t],
  );

  async function submit(values: SubscribeForm) {
    try {
      const subscription = await subscribe.mutateAsync({
        tenantCode: values.tenantCode.trim(),
        url: values.url.trim(),
        ...(values.kinds?.length ? { kinds: values.kinds } : {}),
      });
      onSubscribed(subscription);
    } catch (error) {
      showFieldProblems(t, form, error, labels);
    }
  }

  return (
    <Modal
      open
      width={640}
      title={t('webhooks.subscribeTitle')}
      okText={t('webhooks.subscribe')}
      cancelText={t('actions.cancel', { ns: 'common' })}
      confirmLoading={subscribe.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<SubscribeForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ tenantCode: principal?.provinceCode ?? '' }}
        requiredMark="optional"
      >
        <Form.Item
          name="url"
          label={labels.url}
          extra={t('webhooks.urlHelp')}
          rules={[
            { required: true, whitespace: true, message: t('required', { field: labels.url }) },
            {
              validator: async (_, value?: string) =>
                !value || isHttpsUrl(value.trim()) ? undefined : Promise.reject(new Error(t('webhooks.urlHttps'))),
            },
          ]}
        >
          <Input
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://phuxuan.hue.gov.vn/hooks/onestop"
            autoFocus
          />
        </Form.Item>
        <Form.Item
          name="tenantCode"
          label={labels.tenantCode}
          extra={t('webhooks.tenantHelp')}
          normalize={(value: string) => value.toUpperCase()}
          rules={[
            { required: true, whitespace: true, message: t('required', { field: labels.tenantCode }) },
            { pattern: TENANT_CODE, message: t('webhooks.tenantFormat') },
          ]}
        >
          <Input autoComplete="off" maxLength={20} />
        </Form.Item>
        <Form.Item name="kinds" label={labels.kinds} extra={t('webhooks.kindsHelp')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('webhooks.allKinds')}
            options={NOTICE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          />
        </Form.Item>
      </Form>
      <ProblemAlert error={subscribe.error} labels={labels} placed={Object.keys(labels)} />
    </Modal>
  );
}
