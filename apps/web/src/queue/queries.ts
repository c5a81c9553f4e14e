import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/clients';
import type { components } from '../api/generated/intake';

export type UnitQueue = components['schemas']['QueueDto'];
export type RecentCall = components['schemas']['RecentCallDto'];
export type CalledTicket = components['schemas']['CalledTicketDto'];
export type PriorityGroup = CalledTicket['priorityGroup'];

/** A waiting room's screen and a desk see a new number within this time. */
export const QUEUE_REFRESH_MS = 3_000;

/** Today's queue of a receiving unit: who waits by group, the last calls, how many numbers were issued. */
export function useUnitQueue(unitCode: string) {
  return useQuery({
    queryKey: ['unit-queue', unitCode],
    queryFn: () =>
      unwrap(api.intake.GET('/api/v1/receiving-units/{unitCode}/queue', { params: { path: { unitCode } } })),
    refetchInterval: QUEUE_REFRESH_MS,
    // The waiting room's screen runs all day in a tab nobody focuses: it refreshes all the same.
    refetchIntervalInBackground: true,
    enabled: unitCode !== '',
  });
}

/** Calls the next number to this counter (priority groups first); the queue is read again at once. */
export function useCallNext(unitCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (counter: string) =>
      unwrap(
        api.intake.POST('/api/v1/receiving-units/{unitCode}/calls', {
          params: { path: { unitCode } },
          body: { counter },
        }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['unit-queue', unitCode] }),
  });
}
