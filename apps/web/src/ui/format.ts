import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every date and time the application shows is Huế's (Asia/Ho_Chi_Minh), whatever the device's zone. */
export const ZONE = 'Asia/Ho_Chi_Minh';

/** 24/11/2026; a calendar date (2026-11-24) stays that date, an instant is read in Vietnam's zone. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? dayjs(value).format('DD/MM/YYYY')
    : dayjs(value).tz(ZONE).format('DD/MM/YYYY');
}

/** 24/11/2026 15:05 */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).tz(ZONE).format('DD/MM/YYYY HH:mm') : '';
}

/** 1.500.000 ₫ in Vietnamese, ₫1,500,000 in English. */
export function formatMoney(amount: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'vi-VN', {
    style: 'currency',
    currency: 'VND',
    maximumFractionDigits: 0,
  }).format(amount);
}

/** Folds Vietnamese letters to plain ones ("Thuỷ Xuân" → "thuy xuan", đ → d) so that typing without diacritics finds them. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether every word typed appears in the text, diacritics and case aside ("xac nhan cu tru" finds "Xác nhận thông tin về cư trú"). */
export function matchesWords(text: string, typed: string): boolean {
  const haystack = foldDiacritics(text);
  return foldDiacritics(typed)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}
