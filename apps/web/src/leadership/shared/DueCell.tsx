import { Space } from 'antd';
import { Pill } from '../../ui/Pill';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { urgencyOf } from '../../work-queue/deadline';
import { LEADERSHIP } from '../strings';

/** A deadline with its mark in words (overdue, due soon), not by colour alone. */
export function DueCell({ dueAt, paused = false }: { dueAt: string | null; paused?: boolean }) {
  const { t } = useTranslation(LEADERSHIP);
  if (paused) return <span>{t('common.clockPaused')}</span>;
  if (!dueAt) return <span>—</span>;
  const urgency = urgencyOf(dueAt);
  return (
    <Space size={4} wrap>
      <span>{formatDateTime(dueAt)}</span>
      {urgency === 'overdue' && <Pill tone="red">{t('common.overdue')}</Pill>}
      {urgency === 'due-soon' && <Pill tone="orange">{t('common.dueSoon')}</Pill>}
    </Space>
  );
}
