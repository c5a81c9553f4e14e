import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { urgencyOf } from '../work-queue/deadline';
import { formatDateTime } from './format';
import { Pill } from './Pill';

/** A deadline with its mark in words (overdue, due soon), not by colour alone. */
export function DueCell({ dueAt, paused = false }: { dueAt: string | null; paused?: boolean }) {
  const { t } = useTranslation();
  if (paused) return <span>{t('due.clockPaused', { ns: 'common' })}</span>;
  if (!dueAt) return <span>—</span>;
  const urgency = urgencyOf(dueAt);
  return (
    <Space size={4} wrap>
      <span>{formatDateTime(dueAt)}</span>
      {urgency === 'overdue' && <Pill tone="red">{t('due.overdue', { ns: 'common' })}</Pill>}
      {urgency === 'due-soon' && <Pill tone="orange">{t('due.dueSoon', { ns: 'common' })}</Pill>}
    </Space>
  );
}
