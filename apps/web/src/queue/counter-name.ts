import { useState } from 'react';

const STORED_COUNTER = 'onestop.counterName';
/** The service takes a counter's name of 1 to 16 characters, as the waiting room's screen shows it. */
export const COUNTER_NAME_MAX = 16;

/** The name of the counter this device sits at ("Quầy 1"), remembered on the device: a desk does not move between days. */
export function useCounterName(): [string, (name: string) => void] {
  const [name, setName] = useState(() => window.localStorage.getItem(STORED_COUNTER) ?? '');
  function remember(next: string) {
    const trimmed = next.slice(0, COUNTER_NAME_MAX);
    setName(trimmed);
    if (trimmed.trim()) window.localStorage.setItem(STORED_COUNTER, trimmed.trim());
    else window.localStorage.removeItem(STORED_COUNTER);
  }
  return [name, remember];
}
