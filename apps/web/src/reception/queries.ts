import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/clients';
import type { components } from '../api/generated/intake';
import { dossierHistoryQuery } from '../work-queue/queries';

export type OnlineFiling = components['schemas']['DossierDto'];
export type IntakeDecision = components['schemas']['IntakeDecisionDto'];

/** How often the desk's lists ask for what arrived, so a new filing shows without reloading. */
export const RECEPTION_REFRESH_MS = 4_000;
const PAGE = 50;
/** National status 1: filed online, waiting for the desk. */
const FILED_ONLINE = 1;

/**
 * The online filings waiting for this desk, oldest first, 50 at a time through the server's
 * cursor; the pages shown refresh every few seconds.
 */
export function useOnlineFilings() {
  return useInfiniteQuery({
    queryKey: ['online-filings'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.intake.GET('/api/v1/dossiers', {
          params: { query: { status: FILED_ONLINE, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: RECEPTION_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

/** Receives or refuses an online filing; the list is read again whatever the answer (another desk may have decided it). */
export function useIntakeDecision(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decision: IntakeDecision) =>
      unwrap(
        api.intake.POST('/api/v1/dossiers/{code}/intake-decision', { params: { path: { code } }, body: decision }),
      ),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['online-filings'] });
      void queryClient.invalidateQueries({ queryKey: ['intake-dossier', code] });
    },
  });
}

/**
 * Why the unit asked for a supplement: the reason of the last request-supplement step. Shares the
 * dossier page's cache entry for the history, but is not polled: a list row reads it once a minute at most.
 */
export function useSupplementRequest(dossierId: string) {
  return useQuery({
    ...dossierHistoryQuery(dossierId),
    staleTime: 60_000,
    select: (entries) => entries.findLast((entry) => entry.action === 'request-supplement') ?? null,
  });
}
