/** Working minutes as a person reads them: 1 ngày 3 giờ 20 phút (a working day is 8 hours). */
export function workingTimeParts(minutes: number): { days: number; hours: number; minutes: number } {
  const total = Math.abs(Math.round(minutes));
  return { days: Math.floor(total / 480), hours: Math.floor((total % 480) / 60), minutes: total % 60 };
}
