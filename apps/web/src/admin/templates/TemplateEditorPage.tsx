import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Result,
  Row,
  Space,
  Spin,
  Typography,
  message as antdMessage,
} from 'antd';
import { Pill } from '../../ui/Pill';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { showFieldProblems } from '../../ui/problems';
import { ADMIN } from '../strings';
import { unnested } from '../ui/field-problems';
import {
  TemplateKey,
  TemplateText,
  TemplateVersion,
  usePreviewTemplate,
  useSaveTemplate,
  useTemplate,
} from './queries';
import { hasSubject, placeholdersIn } from './template-keys';
import { OriginTag } from './TemplatesPage';
import { TemplatePreview } from './TemplatePreview';

const LIST = '/quan-tri/mau-thong-bao';

/** One notice's wording for the province: the version in use, a draft, its preview, and saving it as the province's next version. */
export function TemplateEditorPage() {
  const { t } = useTranslation(ADMIN);
  const { kind = '', channel = '', locale = '' } = useParams();
  const key = useMemo(() => ({ kind, channel, locale }), [kind, channel, locale]);
  const current = useTemplate(key);

  if (current.isPending) return <Spin />;
  if (current.error)
    return (
      <Result
        status="warning"
        title={<ProblemAlert error={current.error} />}
        extra={<Link to={LIST}>{t('templates.back')}</Link>}
      />
    );
  // A new version read after saving starts a fresh draft.
  return (
    <TemplateEditor
      key={`${current.data.provinceCode ?? 'national'}-${current.data.version}`}
      templateKey={key}
      template={current.data}
    />
  );
}

function textOf(values: { subject?: string; body?: string }, channel: string): TemplateText {
  return { body: values.body ?? '', ...(hasSubject(channel) && values.subject ? { subject: values.subject } : {}) };
}

function TemplateEditor({ templateKey, template }: { templateKey: TemplateKey; template: TemplateVersion }) {
  const { t } = useTranslation(ADMIN);
  const [message, messageHolder] = antdMessage.useMessage();
  const [form] = Form.useForm<{ subject?: string; body: string }>();
  const preview = usePreviewTemplate(templateKey);
  const save = useSaveTemplate(templateKey);
  // What the last successful preview showed: saving is offered only for exactly that text.
  const [previewed, setPreviewed] = useState<string | null>(null);
  const subject = Form.useWatch('subject', form);
  const body = Form.useWatch('body', form);
  const withSubject = hasSubject(templateKey.channel);
  const draft = textOf({ subject, body }, templateKey.channel);
  const draftJson = JSON.stringify(draft);
  const unchanged =
    draftJson ===
    JSON.stringify(textOf({ subject: template.subject ?? undefined, body: template.body }, templateKey.channel));
  const previewCurrent = previewed === draftJson && preview.isSuccess;
  const labels = useMemo(() => ({ subject: t('templates.subject'), body: t('templates.body') }), [t]);
  const title = t('templates.editTitle', { kind: t(`kinds.${templateKey.kind}`, { defaultValue: templateKey.kind }) });

  async function showPreview() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const text = textOf(values, templateKey.channel);
    try {
      await preview.mutateAsync(text);
      setPreviewed(JSON.stringify(text));
    } catch (error) {
      setPreviewed(null);
      showFieldProblems(t, form, unnested(error, 'draft.'), labels);
    }
  }

  async function saveDraft() {
    try {
      const saved = await save.mutateAsync(draft);
      void message.success(t('templates.saved', { version: saved.version }));
    } catch (error) {
      showFieldProblems(t, form, error, labels);
    }
  }

  const required = { required: true, whitespace: true, message: t('required', { field: labels.body }) };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {messageHolder}
      <Link to={LIST}>
        <ArrowLeftOutlined aria-hidden /> {t('templates.back')}
      </Link>
      <h1 className="page-title">{title}</h1>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
        <Descriptions.Item label={t('templates.channel')}>
          {t(`channels.${templateKey.channel}`, { defaultValue: templateKey.channel })}
        </Descriptions.Item>
        <Descriptions.Item label={t('templates.locale')}>
          {t(`locales.${templateKey.locale}`, { defaultValue: templateKey.locale })}
        </Descriptions.Item>
        <Descriptions.Item label={t('templates.inUse')}>
          <Space size={4} wrap>
            <OriginTag provinceCode={template.provinceCode} />
            {t('templates.versionN', { version: template.version })}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('templates.changedAt')}>{formatDateTime(template.createdAt)}</Descriptions.Item>
      </Descriptions>
      {!template.provinceCode && <Alert type="info" showIcon title={t('templates.nationalNotice')} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('templates.draft')}>
            <Form
              form={form}
              layout="vertical"
              initialValues={{ subject: template.subject ?? '', body: template.body }}
              onValuesChange={() => save.reset()}
            >
              {withSubject && (
                <Form.Item
                  name="subject"
                  label={labels.subject}
                  rules={[{ max: 300, message: t('lengthBetween', { field: labels.subject, min: 1, max: 300 }) }]}
                >
                  <Input maxLength={300} />
                </Form.Item>
              )}
              <Form.Item
                name="body"
                label={labels.body}
                extra={t('templates.bodyHelp', { example: '{{code}}' })}
                rules={[
                  required,
                  { max: 5000, message: t('lengthBetween', { field: labels.body, min: 1, max: 5000 }) },
                ]}
              >
                <Input.TextArea rows={10} maxLength={5000} showCount spellCheck />
              </Form.Item>
            </Form>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
              {t('templates.placeholdersUsed')}{' '}
              {placeholdersIn(`${subject ?? ''} ${body ?? ''}`).map((name) => (
                <Pill key={name} tone="grey">{`{{${name}}}`}</Pill>
              ))}
            </Typography.Paragraph>
            <ProblemAlert
              error={save.error ?? (preview.error ? unnested(preview.error, 'draft.') : null)}
              labels={labels}
              placed={Object.keys(labels)}
            />
            <Space wrap style={{ marginTop: 12 }}>
              <Button onClick={() => void showPreview()} loading={preview.isPending}>
                {t('templates.preview')}
              </Button>
              <Button
                type="primary"
                onClick={() => void saveDraft()}
                loading={save.isPending}
                disabled={!previewCurrent || unchanged}
              >
                {t('templates.save')}
              </Button>
              <Button onClick={() => form.resetFields()} disabled={unchanged}>
                {t('templates.discard')}
              </Button>
            </Space>
            <p role="status" style={{ margin: '8px 0 0', color: '#595959' }}>
              {unchanged
                ? t('templates.noChanges')
                : previewCurrent
                  ? t('templates.readyToSave')
                  : t('templates.previewFirst')}
            </p>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('templates.previewTitle')}>
            {preview.data && previewed ? (
              <TemplatePreview rendered={preview.data} withSubject={withSubject} stale={!previewCurrent} />
            ) : (
              <Typography.Text type="secondary">{t('templates.previewEmpty')}</Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
