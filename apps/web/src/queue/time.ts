import dayjs from 'dayjs';
import { ZONE } from '../ui/format';

/** 15:05, Vietnam time: a call's or a ticket's time of day (the queue is one day's). */
export function formatTime(value: string | Date): string {
  return dayjs(value).tz(ZONE).format('HH:mm');
}
