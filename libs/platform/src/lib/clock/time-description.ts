import { SimulatedTimeState, simulatedNowMs } from './simulated-time';

/** How the clock command and the service logs show simulated time. */
const VIETNAM_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant in UTC and as the province reads it, e.g. `2026-12-01T09:00:00.000Z (Tue 2026-12-01 16:00:00 Asia/Ho_Chi_Minh)`. */
export function describeInstant(instant: Date): string {
  const part = Object.fromEntries(VIETNAM_TIME.formatToParts(instant).map(({ type, value }) => [type, value]));
  return `${instant.toISOString()} (${part['weekday']} ${part['year']}-${part['month']}-${part['day']} ${part['hour']}:${part['minute']}:${part['second']} Asia/Ho_Chi_Minh)`;
}

/** The simulated now and how it flows, e.g. `2026-12-01T09:00:00.000Z (Tue 2026-12-01 16:00:00 Asia/Ho_Chi_Minh), rate 0 (frozen)`. */
export function describeSimulatedTime(state: SimulatedTimeState, realNowMs = Date.now()): string {
  return `${describeInstant(new Date(simulatedNowMs(state, realNowMs)))}, ${describeRate(state.rate)}`;
}

export function describeRate(rate: number): string {
  if (rate === 0) return 'rate 0 (frozen)';
  if (rate === 1) return 'rate 1 (flows as real time)';
  return `rate ${rate} (a real minute is ${formatMinutes(rate)} simulated)`;
}

function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${+minutes.toFixed(2)} min`;
  if (minutes < 24 * 60) return `${+(minutes / 60).toFixed(2)} h`;
  return `${+(minutes / (24 * 60)).toFixed(2)} d`;
}
