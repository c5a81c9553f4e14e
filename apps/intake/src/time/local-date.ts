/** Vietnam keeps UTC+07:00 all year. */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The local calendar date (YYYY-MM-DD) of an instant in Vietnam. */
export function localDate(instant: Date): string {
  return new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
