import { Button, Flex, Select, Space, Spin, Typography, message as antdMessage } from 'antd';
import { Pill } from '../../ui/Pill';
import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ADMIN } from '../strings';
import { Column, DataTable } from '../ui/DataTable';
import { Labelled } from '../../ui/Labelled';
import { restoresWeeklyRule, takingBack, weekdayOf, yearsAround } from './calendar-days';
import { CorrectionsEditor, CorrectionsForm, rowOf } from './CorrectionsEditor';
import { EffectiveDay, useCalendarYear } from './queries';

/** The working calendar of the province for a year: the national days off and worked, its own corrections, and changing them. */
export function CalendarPage() {
  const { t } = useTranslation(ADMIN);
  const [message, messageHolder] = antdMessage.useMessage();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const calendar = useCalendarYear(year);
  const editor = useRef<FormInstance<CorrectionsForm> | null>(null);
  const editorHeading = useRef<HTMLHeadingElement>(null);

  /** Adds the correction that takes a national day back to the editor, where the administrator reviews and saves it. */
  function takeBack(day: EffectiveDay) {
    const form = editor.current;
    if (!form) return;
    const rows = form.getFieldValue('days') ?? [];
    form.setFieldValue('days', [...rows, rowOf(takingBack(day))]);
    void message.info(t('calendar.takeBackAdded', { date: formatDate(day.date) }));
    editorHeading.current?.focus();
  }

  const columns: Column<EffectiveDay>[] = [
    { key: 'date', title: t('calendar.date'), className: 'nowrap', render: (day) => formatDate(day.date) },
    { key: 'weekday', title: t('calendar.weekday'), render: (day) => t(`calendar.weekdays.${weekdayOf(day.date)}`) },
    {
      key: 'kind',
      title: t('calendar.kind'),
      render: (day) => <Pill tone={day.kind === 'holiday' ? 'red' : 'blue'}>{t(`calendar.kinds.${day.kind}`)}</Pill>,
    },
    { key: 'name', title: t('calendar.name'), render: (day) => <DayName day={day} /> },
    {
      key: 'origin',
      title: t('calendar.origin'),
      render: (day) =>
        day.correction ? (
          <Pill tone="blue">{t('calendar.provinceCorrection')}</Pill>
        ) : (
          <Pill tone="grey">{t('calendar.national')}</Pill>
        ),
    },
    { key: 'source', title: t('calendar.source'), optional: true, render: (day) => day.source ?? '—' },
    {
      key: 'actions',
      title: t('calendar.actions'),
      className: 'actions',
      render: (day) =>
        day.correction ? null : (
          <Button
            size="small"
            onClick={() => takeBack(day)}
            aria-label={t('calendar.takeBackOf', { date: formatDate(day.date) })}
          >
            {t('calendar.takeBack')}
          </Button>
        ),
    },
  ];

  const takenBack = (calendar.data?.corrections ?? []).filter(restoresWeeklyRule);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {messageHolder}
      <h1 className="page-title">{t('calendar.title')}</h1>
      <Flex wrap gap={12} align="end">
        <Labelled label={t('calendar.year')} htmlFor="calendar-year">
          <Select
            id="calendar-year"
            value={year}
            onChange={setYear}
            style={{ width: 120 }}
            options={yearsAround().map((value) => ({ value, label: String(value) }))}
          />
        </Labelled>
        {calendar.data && (
          <Typography.Text type="secondary">
            {calendar.data.provinceCode
              ? t('calendar.ofProvince', { code: calendar.data.provinceCode })
              : t('calendar.nationalOnly')}
          </Typography.Text>
        )}
      </Flex>
      <Typography.Paragraph style={{ margin: 0 }}>{t('calendar.intro')}</Typography.Paragraph>
      <ProblemAlert error={calendar.error} />
      {calendar.isPending ? (
        <Spin />
      ) : calendar.data ? (
        <>
          <section aria-busy={calendar.isFetching}>
            <DataTable
              caption={t('calendar.caption', { year, count: calendar.data.days.length })}
              columns={columns}
              rows={calendar.data.days}
              rowKey={(day) => day.date}
            />
            {takenBack.length > 0 && (
              <Typography.Paragraph style={{ marginTop: 12 }}>
                {t('calendar.takenBackIntro')}{' '}
                {takenBack
                  .map((day) =>
                    t('calendar.takenBackDay', { date: formatDate(day.date), kind: t(`calendar.kinds.${day.kind}`) }),
                  )
                  .join('; ')}
              </Typography.Paragraph>
            )}
          </section>
          <section aria-labelledby="calendar-corrections">
            <h2 id="calendar-corrections" ref={editorHeading} tabIndex={-1} style={{ fontSize: 18, margin: '8px 0' }}>
              {t('calendar.corrections', { year })}
            </h2>
            <CorrectionsEditor
              // Reset when the saved corrections change (a save, another year), not when the same ones are read again.
              key={`${year}-${JSON.stringify(calendar.data.corrections)}`}
              year={year}
              corrections={calendar.data.corrections}
              formRef={editor}
              onSaved={() => void message.success(t('calendar.saved', { year }))}
            />
          </section>
        </>
      ) : null}
    </Space>
  );
}

function DayName({ day }: { day: EffectiveDay }) {
  const { t, i18n } = useTranslation(ADMIN);
  return (
    <div>
      <div>{i18n.language === 'en' ? day.name.en : day.name.vi}</div>
      {day.basis === 'assumed' && <Pill tone="gold">{t('calendar.assumed')}</Pill>}
    </div>
  );
}
