import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/clients';
import type { components, operations } from '../../api/generated/task-monitoring';

export type Deadline = components['schemas']['DeadlineDto'];
export type Apology = components['schemas']['ApologyDto'];
export type DeadlineState = NonNullable<
  NonNullable<operations['DeadlinesController_deadlines']['parameters']['query']>['state']
>;

const PAGE = 50;
/** Deadlines move by the minute at most: a refresh every half minute keeps the list honest without loading the service. */
const DEADLINES_REFRESH_MS = 30_000;

/** The unit's running dossiers due soon or overdue (or one of the two), earliest deadline first, through the server's cursor. */
export function useDeadlines(state: DeadlineState | undefined) {
  return useInfiniteQuery({
    queryKey: ['deadlines', state ?? 'both'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.taskMonitoring.GET('/api/v1/deadlines', {
          params: { query: { limit: PAGE, ...(state ? { state } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: DEADLINES_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

/** The apology with its new appointment: the deadline moves, open escalations close, the applicant is told. */
export function useSendApology(dossierId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (apology: Apology) =>
      unwrap(
        api.taskMonitoring.POST('/api/v1/dossiers/{id}/apology', {
          params: { path: { id: dossierId } },
          body: apology,
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['deadlines'] });
      void queryClient.invalidateQueries({ queryKey: ['escalations'] });
      void queryClient.invalidateQueries({ queryKey: ['work-item', dossierId] });
    },
  });
}
