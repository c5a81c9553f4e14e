import data from '../../data/vn-public-holidays.json';
import { CalendarDay, parseCalendarDays } from './calendar-day';

/** Vietnam's holidays and swapped working days 2025–2027, validated when the module loads. */
export const DEFAULT_CALENDAR_DAYS: CalendarDay[] = parseCalendarDays(data.days);
