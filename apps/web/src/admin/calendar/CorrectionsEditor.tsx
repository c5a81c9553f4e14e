import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { Pill } from '../../ui/Pill';
import type { FormInstance } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { RefObject, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { showFieldProblems } from '../../ui/problems';
import { ADMIN } from '../strings';
import { restoresWeeklyRule, weekdayOf } from './calendar-days';
import { CalendarDay, useSaveCalendarCorrections } from './queries';

/** One correction as the form holds it: the date as a picker's value. */
interface CorrectionRow {
  date: Dayjs | null;
  kind: CalendarDay['kind'];
  name: CalendarDay['name'];
  basis: CalendarDay['basis'];
  source?: string;
}

export interface CorrectionsForm {
  days: CorrectionRow[];
  reason: string;
}

/** The service takes at most this many corrections a year. */
const MAX_CORRECTIONS = 60;
const KINDS: CalendarDay['kind'][] = ['holiday', 'working-day'];
const BASES: CalendarDay['basis'][] = ['decision', 'law', 'assumed'];

export function rowOf(day: CalendarDay): CorrectionRow {
  return { date: dayjs(day.date), kind: day.kind, name: { ...day.name }, basis: day.basis, source: day.source };
}

function dayOf(row: CorrectionRow): CalendarDay {
  const source = row.source?.trim();
  return {
    date: row.date?.format('YYYY-MM-DD') ?? '',
    kind: row.kind,
    name: { vi: row.name.vi.trim(), en: row.name.en.trim() },
    basis: row.basis,
    ...(source ? { source } : {}),
  };
}

/**
 * The province's corrections of a year, replaced as a whole with the reason (the decision that
 * made them): weekdays off, weekend days worked, or a national day taken back in the province.
 */
export function CorrectionsEditor({
  year,
  corrections,
  formRef,
  onSaved,
}: {
  year: number;
  corrections: CalendarDay[];
  formRef: RefObject<FormInstance<CorrectionsForm> | null>;
  onSaved: () => void;
}) {
  const { t } = useTranslation(ADMIN);
  const [form] = Form.useForm<CorrectionsForm>();
  const save = useSaveCalendarCorrections(year);
  const rows = Form.useWatch('days', form);
  useEffect(() => {
    formRef.current = form;
  }, [form, formRef]);

  function labelsFor(count: number): Record<string, string> {
    const labels: Record<string, string> = { reason: t('calendar.reason') };
    for (let index = 0; index < count; index += 1) {
      const row = t('calendar.row', { number: index + 1 });
      for (const [field, label] of [
        ['date', 'calendar.date'],
        ['kind', 'calendar.kind'],
        ['name.vi', 'calendar.nameVi'],
        ['name.en', 'calendar.nameEn'],
        ['basis', 'calendar.basis'],
        ['source', 'calendar.source'],
      ]) {
        labels[`days.${index}.${field}`] = `${t(label)} (${row})`;
      }
    }
    return labels;
  }

  async function submit(values: CorrectionsForm) {
    const days = (values.days ?? []).map(dayOf);
    try {
      await save.mutateAsync({ days, reason: values.reason.trim() });
      onSaved();
    } catch (error) {
      showFieldProblems(t, form, error, labelsFor(days.length));
    }
  }

  const labels = labelsFor(rows?.length ?? 0);
  const required = (label: string) => ({ required: true, whitespace: true, message: t('required', { field: label }) });
  const outsideYear = (date: Dayjs) => date.year() !== year;

  return (
    <Form<CorrectionsForm>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ days: corrections.map(rowOf), reason: '' }}
      requiredMark="optional"
    >
      <Form.List name="days">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.length === 0 && <p style={{ margin: 0 }}>{t('calendar.noCorrections')}</p>}
            {fields.map((field, index) => (
              <fieldset
                key={field.key}
                style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px 0', margin: 0 }}
              >
                <legend style={{ fontSize: 14, padding: '0 4px', width: 'auto', marginBottom: 0, border: 0 }}>
                  <CorrectionLegend form={form} index={index} />
                </legend>
                <Row gutter={12}>
                  <Col xs={24} sm={12} lg={5}>
                    <Form.Item
                      name={[field.name, 'date']}
                      label={t('calendar.date')}
                      rules={[{ required: true, message: t('required', { field: t('calendar.date') }) }]}
                    >
                      <DatePicker
                        format="DD/MM/YYYY"
                        disabledDate={outsideYear}
                        defaultPickerValue={dayjs(`${year}-01-01`)}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={4}>
                    <Form.Item name={[field.name, 'kind']} label={t('calendar.kind')} rules={[{ required: true }]}>
                      <Select options={KINDS.map((kind) => ({ value: kind, label: t(`calendar.kinds.${kind}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={5}>
                    <Form.Item
                      name={[field.name, 'name', 'vi']}
                      label={t('calendar.nameVi')}
                      rules={[required(t('calendar.nameVi'))]}
                    >
                      <Input maxLength={200} lang="vi" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={5}>
                    <Form.Item
                      name={[field.name, 'name', 'en']}
                      label={t('calendar.nameEn')}
                      rules={[required(t('calendar.nameEn'))]}
                    >
                      <Input maxLength={200} lang="en" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12} lg={5}>
                    <Form.Item name={[field.name, 'basis']} label={t('calendar.basis')} rules={[{ required: true }]}>
                      <Select options={BASES.map((basis) => ({ value: basis, label: t(`calendar.bases.${basis}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} lg={19}>
                    <Form.Item
                      name={[field.name, 'source']}
                      label={t('calendar.source')}
                      dependencies={[['days', field.name, 'basis']]}
                      rules={[
                        ({ getFieldValue }) => ({
                          required: getFieldValue(['days', field.name, 'basis']) === 'assumed',
                          whitespace: true,
                          message: t('calendar.sourceRequired'),
                        }),
                      ]}
                    >
                      <Input maxLength={500} placeholder={t('calendar.sourceExample')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} lg={5} style={{ display: 'flex', alignItems: 'end', paddingBottom: 24 }}>
                    <Button
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(field.name)}
                      aria-label={t('calendar.removeRow', { number: index + 1 })}
                    >
                      {t('calendar.remove')}
                    </Button>
                  </Col>
                </Row>
              </fieldset>
            ))}
            <Button
              icon={<PlusOutlined aria-hidden />}
              disabled={fields.length >= MAX_CORRECTIONS}
              onClick={() =>
                add({
                  date: null,
                  kind: 'holiday',
                  name: { vi: '', en: '' },
                  basis: 'decision',
                } satisfies CorrectionRow)
              }
            >
              {t('calendar.addDay')}
            </Button>
          </Space>
        )}
      </Form.List>
      <Form.Item
        name="reason"
        label={t('calendar.reason')}
        extra={t('calendar.reasonHelp')}
        style={{ marginTop: 16 }}
        rules={[
          required(t('calendar.reason')),
          { min: 5, max: 500, message: t('lengthBetween', { field: t('calendar.reason'), min: 5, max: 500 }) },
        ]}
      >
        <Input.TextArea rows={2} maxLength={500} placeholder={t('calendar.reasonExample', { year })} />
      </Form.Item>
      <ProblemAlert error={save.error} labels={labels} placed={Object.keys(labels)} />
      <Space wrap style={{ marginTop: 12 }}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('calendar.save', { year })}
        </Button>
        <Button onClick={() => form.resetFields()}>{t('calendar.discard')}</Button>
      </Space>
    </Form>
  );
}

/** A correction's heading: its number, weekday, and whether it takes back a national day, as the row now reads. */
function CorrectionLegend({ form, index }: { form: FormInstance<CorrectionsForm>; index: number }) {
  const { t } = useTranslation(ADMIN);
  const date = Form.useWatch(['days', index, 'date'], form) as Dayjs | null | undefined;
  const kind = Form.useWatch(['days', index, 'kind'], form) as CalendarDay['kind'] | undefined;
  const iso = date?.format('YYYY-MM-DD');
  return (
    <Space size={6} wrap>
      <span>{t('calendar.row', { number: index + 1 })}</span>
      {iso && <span>· {t(`calendar.weekdays.${weekdayOf(iso)}`)}</span>}
      {iso && kind && restoresWeeklyRule({ date: iso, kind }) && <Pill tone="grey">{t('calendar.takesBack')}</Pill>}
    </Space>
  );
}
