import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/clients';
import type { components } from '../../api/generated/task-monitoring';

export type Escalation = components['schemas']['EscalationDto'];

const PAGE = 50;
const ESCALATIONS_REFRESH_MS = 30_000;

/** The open escalations of the leader's unit, the oldest first, through the server's cursor. */
export function useEscalations() {
  return useInfiniteQuery({
    queryKey: ['escalations'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.taskMonitoring.GET('/api/v1/escalations', {
          params: { query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: ESCALATIONS_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}
