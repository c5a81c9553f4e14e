import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ADMIN } from '../strings';
import type { RenderedTemplate } from './queries';

/**
 * A rendered notice as its recipient gets it. Every channel sends plain text (e-mail included), so
 * the preview is text: whatever a template holds, markup included, is shown as the characters it is.
 */
export function TemplatePreview({
  rendered,
  withSubject,
  stale,
}: {
  rendered: RenderedTemplate;
  withSubject: boolean;
  stale: boolean;
}) {
  const { t } = useTranslation(ADMIN);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {stale && <Alert type="warning" showIcon title={t('templates.previewStale')} />}
      {withSubject && (
        <div>
          <Typography.Text type="secondary">{t('templates.subject')}: </Typography.Text>
          <Typography.Text strong>{rendered.subject ?? '—'}</Typography.Text>
        </div>
      )}
      <pre className="notice-preview">{rendered.body}</pre>
      <Typography.Text type="secondary">
        {t('templates.characters', { count: [...rendered.body].length })}
        {rendered.sms &&
          ` · ${t('templates.smsSegments', { count: rendered.sms.segments, encoding: t(`templates.encoding.${rendered.sms.encoding}`) })}`}
      </Typography.Text>
    </Space>
  );
}
