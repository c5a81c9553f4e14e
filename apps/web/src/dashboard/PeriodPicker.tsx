import { DatePicker, Flex, Select } from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Labelled } from '../ui/Labelled';
import { customPeriod, Period, PERIOD_KINDS, PeriodKind, periodContaining } from './period';
import { DASHBOARD } from './strings';

const FORMATS: Record<Exclude<PeriodKind, 'custom'>, string> = {
  day: 'DD/MM/YYYY',
  week: 'DD/MM/YYYY',
  month: 'MM/YYYY',
  quarter: 'YYYY-[Q]Q',
  year: 'YYYY',
};

/** Day, week, month, quarter, year or a range of local days, none after today. */
export function PeriodPicker({
  period,
  today,
  onChange,
}: {
  period: Period;
  today: string;
  onChange: (period: Period) => void;
}) {
  const { t } = useTranslation(DASHBOARD);
  const afterToday = (day: Dayjs) => day.format('YYYY-MM-DD') > today;
  const pick = (kind: PeriodKind, anchor: string) =>
    kind === 'custom' ? { kind, from: period.from, to: period.to } : periodContaining(kind, anchor, today);

  return (
    <Flex gap={12} wrap align="end" className="no-print">
      <Labelled label={t('period.kind')} htmlFor="dashboard-period-kind">
        <Select
          id="dashboard-period-kind"
          value={period.kind}
          style={{ width: 150 }}
          onChange={(kind: PeriodKind) => onChange(pick(kind, period.to))}
          options={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`period.kinds.${kind}`) }))}
        />
      </Labelled>
      <Labelled label={t('period.when')} htmlFor="dashboard-period-when">
        {period.kind === 'custom' ? (
          <DatePicker.RangePicker
            id={{ start: 'dashboard-period-when', end: 'dashboard-period-when-end' }}
            format="DD/MM/YYYY"
            allowClear={false}
            value={[dayjs(period.from), dayjs(period.to)]}
            disabledDate={afterToday}
            onChange={(range) => {
              const chosen =
                range?.[0] && range[1]
                  ? customPeriod(range[0].format('YYYY-MM-DD'), range[1].format('YYYY-MM-DD'))
                  : null;
              if (chosen) onChange(chosen);
            }}
          />
        ) : (
          <DatePicker
            id="dashboard-period-when"
            picker={period.kind === 'day' ? 'date' : period.kind}
            format={FORMATS[period.kind]}
            allowClear={false}
            value={dayjs(period.from)}
            disabledDate={afterToday}
            onChange={(day) => day && onChange(pick(period.kind, day.format('YYYY-MM-DD')))}
          />
        )}
      </Labelled>
    </Flex>
  );
}
