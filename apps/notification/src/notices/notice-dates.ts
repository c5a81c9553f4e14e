import { VIETNAM_UTC_OFFSET_MINUTES } from '@onestop/calendar';
import { Locale } from '../domain/notification-kinds';

/** 2026-11-27 → 27/11/2026 in Vietnamese; ISO dates stay for English readers. */
export function formatDate(isoDate: string | null, locale: Locale): string {
  if (!isoDate) return '';
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return locale === 'vi' ? `${day}/${month}/${year}` : `${year}-${month}-${day}`;
}

/** An instant as the province's clock shows it (Vietnam, UTC+7, no daylight saving). */
export function formatInstant(instant: string | null, locale: Locale): string {
  if (!instant) return '';
  const local = new Date(new Date(instant).getTime() + VIETNAM_UTC_OFFSET_MINUTES * 60_000).toISOString();
  return `${formatDate(local.slice(0, 10), locale)} ${local.slice(11, 16)}`;
}
