import { useTranslation } from 'react-i18next';
import { Pill, Tone } from './Pill';

const TONES: Record<number, Tone> = {
  1: 'blue',
  2: 'cyan',
  3: 'red',
  4: 'blue',
  5: 'orange',
  6: 'gold',
  7: 'grey',
  8: 'red',
  9: 'green',
  10: 'grey',
};

/** A dossier's national status code in words. */
export function StatusTag({ status }: { status: number }) {
  const { t } = useTranslation();
  return (
    <Pill tone={TONES[status] ?? 'grey'}>{t(`status.${status}`, { ns: 'common', defaultValue: String(status) })}</Pill>
  );
}
