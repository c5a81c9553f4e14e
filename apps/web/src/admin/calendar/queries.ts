import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/clients';
import type { components } from '../../api/generated/intake';

export type CalendarYear = components['schemas']['CalendarYearViewDto'];
export type EffectiveDay = components['schemas']['EffectiveCalendarDayDto'];
export type CalendarDay = components['schemas']['CalendarDayDto'];
/** The province's corrections of a year as PUT replaces them, with the reason the change event carries. */
export type CalendarCorrections = components['schemas']['CalendarYearDto'];

const calendarKey = (year: number) => ['calendar', year] as const;

/** A year's effective calendar of the signed-in administrator's province: national days, its corrections marked. */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKey(year),
    queryFn: () => unwrap(api.intake.GET('/api/v1/calendar/{year}', { params: { path: { year: String(year) } } })),
  });
}

/** Replaces the province's corrections of the year; the answer is the new effective calendar, kept as the year's. */
export function useSaveCalendarCorrections(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (corrections: CalendarCorrections) =>
      unwrap(
        api.intake.PUT('/api/v1/calendar/{year}', {
          params: { path: { year: String(year) } },
          body: corrections,
        }),
      ),
    onSuccess: (calendar) => queryClient.setQueryData(calendarKey(year), calendar),
  });
}
