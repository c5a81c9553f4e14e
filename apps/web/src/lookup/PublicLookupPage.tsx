import { Alert, Button, Card, Descriptions, Form, Input, Segmented, Timeline } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../api/clients';
import { ApiProblem } from '../api/problem';
import { AntdProviders } from '../app/AntdFrame';
import { addTranslations, changeLanguage, Language } from '../i18n/i18n';
import { formatDate, formatDateTime } from '../ui/format';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StatusTag } from '../ui/StatusTag';
import { ServiceRating } from './rating/ServiceRating';
import en from './locales/en.json';
import vi from './locales/vi.json';

const LOOKUP = 'lookup';
addTranslations(LOOKUP, { vi, en });

interface LookupForm {
  code: string;
  phone: string;
}

/**
 * The public status look-up a receipt's QR code opens (?ma=<code>): no sign-in, the code and the
 * last four digits of the phone given at filing, then the status, the appointment and the steps.
 */
export function PublicLookupPage() {
  const { t, i18n } = useTranslation(LOOKUP);
  const [params] = useSearchParams();
  const [form] = Form.useForm<LookupForm>();
  const lookup = useMutation({
    mutationFn: ({ code, phone }: LookupForm) => unwrap(api.intake.GET('/api/v1/dossiers/{code}/status', { params: { path: { code: code.trim() }, query: { phone } } })),
  });
  const found = lookup.data;
  return (
    <AntdProviders>
      <main className="public-page">
        <Segmented<Language>
          aria-label={t('language.label', { ns: 'common' })}
          value={i18n.language === 'en' ? 'en' : 'vi'}
          onChange={changeLanguage}
          options={[
            { value: 'vi', label: 'VI' },
            { value: 'en', label: 'EN' },
          ]}
          style={{ float: 'right' }}
        />
        <h1 className="page-title">{t('title')}</h1>
        <p>{t('intro')}</p>
        <Card>
          <Form<LookupForm> form={form} layout="vertical" initialValues={{ code: params.get('ma') ?? '' }} onFinish={(values) => lookup.mutate(values)}>
            <Form.Item name="code" label={t('code')} rules={[{ required: true, whitespace: true, message: t('required', { field: t('code').toLowerCase() }) }]}>
              <Input autoComplete="off" maxLength={40} />
            </Form.Item>
            <Form.Item name="phone" label={t('phone')} rules={[{ required: true, pattern: /^\d{4}$/, message: t('phoneFormat') }]}>
              <Input inputMode="numeric" autoComplete="off" maxLength={4} autoFocus={Boolean(params.get('ma'))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={lookup.isPending}>
              {t('submit')}
            </Button>
          </Form>
        </Card>
        {lookup.error && (lookup.error instanceof ApiProblem && lookup.error.status === 404 ? <Alert role="alert" type="warning" showIcon title={t('notFound')} /> : <ProblemAlert error={lookup.error} />)}
        {found && (
          <Card title={found.code} style={{ marginTop: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('status')}>
                <StatusTag status={found.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('appointment')}>{formatDate(found.appointmentDate) || '—'}</Descriptions.Item>
            </Descriptions>
            <h2 style={{ fontSize: 16 }}>{t('history')}</h2>
            <Timeline
              items={found.history.map((step, index) => ({
                key: `${step.at}-${index}`,
                content: (
                  <div>
                    <strong>{i18n.t(`status.${step.to}`)}</strong> · {formatDateTime(step.at)}
                    {step.note && <div>{step.note}</div>}
                  </div>
                ),
              }))}
            />
            <ServiceRating key={found.code} code={found.code} phone={lookup.variables?.phone ?? ''} rating={found.rating} />
          </Card>
        )}
      </main>
    </AntdProviders>
  );
}
