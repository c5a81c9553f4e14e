import { Flex, Select, Space, Spin } from 'antd';
import { Pill } from '../../ui/Pill';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { NOTICE_KINDS } from '../notice-kinds';
import { ADMIN } from '../strings';
import { Column, DataTable } from '../ui/DataTable';
import { Labelled } from '../../ui/Labelled';
import { TemplateVersion, useTemplates } from './queries';
import { TEMPLATE_CHANNELS, TEMPLATE_LOCALES } from './template-keys';

/** The path of a template's editor. */
export function templatePath(template: Pick<TemplateVersion, 'kind' | 'channel' | 'locale'>): string {
  return `/quan-tri/mau-thong-bao/${template.kind}/${template.channel}/${template.locale}`;
}

/** Every notice the province sends, by kind, channel and language: whether it uses its own wording or the national default. */
export function TemplatesPage() {
  const { t } = useTranslation(ADMIN);
  const templates = useTemplates();
  const [kind, setKind] = useState<string | undefined>();
  const [channel, setChannel] = useState<string | undefined>();
  const [locale, setLocale] = useState<string | undefined>();
  const shown = (templates.data ?? []).filter(
    (template) =>
      (!kind || template.kind === kind) &&
      (!channel || template.channel === channel) &&
      (!locale || template.locale === locale),
  );

  const columns: Column<TemplateVersion>[] = [
    {
      key: 'kind',
      title: t('templates.kind'),
      render: (template) => (
        <Link
          to={templatePath(template)}
          aria-label={t('templates.editOf', {
            kind: t(`kinds.${template.kind}`),
            channel: t(`channels.${template.channel}`),
            locale: t(`locales.${template.locale}`),
          })}
        >
          {t(`kinds.${template.kind}`, { defaultValue: template.kind })}
        </Link>
      ),
    },
    {
      key: 'channel',
      title: t('templates.channel'),
      render: (template) => t(`channels.${template.channel}`, { defaultValue: template.channel }),
    },
    {
      key: 'locale',
      title: t('templates.locale'),
      render: (template) => t(`locales.${template.locale}`, { defaultValue: template.locale }),
    },
    {
      key: 'origin',
      title: t('templates.origin'),
      render: (template) => <OriginTag provinceCode={template.provinceCode} />,
    },
    { key: 'version', title: t('templates.version'), render: (template) => template.version },
    {
      key: 'changed',
      title: t('templates.changedAt'),
      optional: true,
      className: 'nowrap',
      render: (template) => formatDateTime(template.createdAt),
    },
    {
      key: 'by',
      title: t('templates.changedBy'),
      optional: true,
      render: (template) => (template.provinceCode ? template.createdBy : '—'),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <h1 className="page-title">{t('templates.title')}</h1>
      <p style={{ margin: 0 }}>{t('templates.intro')}</p>
      <Flex component="section" aria-label={t('filters')} wrap gap={12} align="end">
        <Labelled label={t('templates.kind')} htmlFor="template-kind">
          <Select
            id="template-kind"
            allowClear
            placeholder={t('templates.anyKind')}
            value={kind}
            onChange={setKind}
            style={{ minWidth: 260 }}
            options={NOTICE_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          />
        </Labelled>
        <Labelled label={t('templates.channel')} htmlFor="template-channel">
          <Select
            id="template-channel"
            allowClear
            placeholder={t('templates.anyChannel')}
            value={channel}
            onChange={setChannel}
            style={{ minWidth: 160 }}
            options={TEMPLATE_CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) }))}
          />
        </Labelled>
        <Labelled label={t('templates.locale')} htmlFor="template-locale">
          <Select
            id="template-locale"
            allowClear
            placeholder={t('templates.anyLocale')}
            value={locale}
            onChange={setLocale}
            style={{ minWidth: 140 }}
            options={TEMPLATE_LOCALES.map((value) => ({ value, label: t(`locales.${value}`) }))}
          />
        </Labelled>
      </Flex>
      <ProblemAlert error={templates.error} />
      <section aria-busy={templates.isFetching}>
        {templates.isPending ? (
          <Spin />
        ) : (
          <DataTable
            caption={t('templates.caption', { count: shown.length })}
            columns={columns}
            rows={shown}
            rowKey={(template) => `${template.kind}/${template.channel}/${template.locale}`}
          />
        )}
      </section>
    </Space>
  );
}

/** Whose wording a notice uses, in words: the province's own version or the national default. */
export function OriginTag({ provinceCode }: { provinceCode: string | null }) {
  const { t } = useTranslation(ADMIN);
  return provinceCode ? (
    <Pill tone="blue">{t('templates.provinceVersion')}</Pill>
  ) : (
    <Pill tone="grey">{t('templates.nationalDefault')}</Pill>
  );
}
