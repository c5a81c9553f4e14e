import { useState } from 'react';
import type { RecentCall } from './queries';

/**
 * The sentence to announce for the newest call, once it is new: the calls already made when the
 * screen opens are shown, not announced. `calls` is undefined until the queue is first read.
 */
export function useCallAnnouncement(calls: RecentCall[] | undefined, sentence: (call: RecentCall) => string): string {
  const latest = calls?.[0];
  const latestKey = latest ? `${latest.number}@${latest.calledAt}` : '';
  const [heard, setHeard] = useState<{ key: string | null; announcement: string }>({ key: null, announcement: '' });
  // Compared while rendering (React's way to follow a value between renders): a new key replaces the announcement.
  if (calls !== undefined && heard.key !== latestKey) {
    setHeard({ key: latestKey, announcement: heard.key !== null && latest ? sentence(latest) : heard.announcement });
  }
  return heard.announcement;
}
