import dayjs from 'dayjs';
import { ZONE } from '../ui/format';
import type { IssuedTicket } from './queries';

const KEY = 'onestop.queue-ticket';

/** The number taken on this device, with the place's name as it was shown: it survives a reload, and is forgotten the next day. */
export interface StoredTicket {
  ticket: IssuedTicket;
  unitName: string;
}

/** Today in Huế, as the queue counts its days. */
export const todayInVietnam = () => dayjs().tz(ZONE).format('YYYY-MM-DD');

export function readStoredTicket(): StoredTicket | null {
  try {
    const stored = JSON.parse(window.localStorage.getItem(KEY) ?? 'null') as StoredTicket | null;
    return stored?.ticket?.date === todayInVietnam() ? stored : null;
  } catch {
    return null;
  }
}

export function storeTicket(stored: StoredTicket | null): void {
  if (stored) window.localStorage.setItem(KEY, JSON.stringify(stored));
  else window.localStorage.removeItem(KEY);
}
