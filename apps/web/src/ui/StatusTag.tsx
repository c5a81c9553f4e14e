import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<number, string> = { 1: 'blue', 2: 'cyan', 3: 'red', 4: 'geekblue', 5: 'orange', 6: 'gold', 7: 'default', 8: 'volcano', 9: 'green', 10: 'default' };

/** A dossier's national status code in words. */
export function StatusTag({ status }: { status: number }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status] ?? 'default'}>{t(`status.${status}`, { defaultValue: String(status) })}</Tag>;
}
