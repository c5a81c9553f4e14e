import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/clients';
import type { components, operations } from '../api/generated/routing';

export type WorkItem = components['schemas']['WorkItemDto'];
export type DossierAction = components['schemas']['DossierActionDto'];
export type HistoryEntry = components['schemas']['HistoryEntryDto'];
export type WorkQueueFilters = NonNullable<operations['DossiersController_list']['parameters']['query']>;

/** How often an open queue asks for what arrived: a new dossier shows within this time without reloading. */
export const QUEUE_REFRESH_MS = 4_000;
const PAGE = 50;

/**
 * The work queue a page of 50 at a time (the server's keyset cursor), most urgent first; the
 * pages already shown refresh every few seconds so arrivals and changes appear by themselves.
 */
export function useWorkQueue(filters: Omit<WorkQueueFilters, 'cursor' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: ['work-queue', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.routing.GET('/api/v1/work-items', {
          params: { query: { ...filters, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: QUEUE_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export function useWorkItem(id: string) {
  return useQuery({
    queryKey: ['work-item', id],
    queryFn: () => unwrap(api.routing.GET('/api/v1/dossiers/{id}', { params: { path: { id } } })),
    refetchInterval: 10_000,
  });
}

/** The query of a dossier's steps, one cache entry for every screen that shows them. */
export function dossierHistoryQuery(id: string) {
  return {
    queryKey: ['work-item', id, 'history'],
    queryFn: () =>
      unwrap(api.routing.GET('/api/v1/dossiers/{id}/history', { params: { path: { id } } })).then(
        (history) => history.items,
      ),
  };
}

export function useDossierHistory(id: string) {
  // Refreshed with the dossier: steps taken by the services (a signature) appear without reloading.
  return useQuery({ ...dossierHistoryQuery(id), refetchInterval: 10_000 });
}

/** An action on the dossier at the version the officer read; the dossier and the queues are read again after it, whatever the answer. */
export function useDossierAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: DossierAction) =>
      unwrap(api.routing.POST('/api/v1/dossiers/{id}/actions', { params: { path: { id } }, body: action })),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['work-item', id] });
      void queryClient.invalidateQueries({ queryKey: ['work-queue'] });
    },
  });
}
