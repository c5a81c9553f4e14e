import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/clients';
import type { components, operations } from '../../api/generated/notification';

export type Delivery = components['schemas']['DeliveryDto'];
export type DeliveryFilters = Omit<
  NonNullable<operations['DeliveriesController_list']['parameters']['query']>,
  'cursor' | 'limit'
>;
export type DeliveryState = NonNullable<DeliveryFilters['state']>;
export type DeliveryChannel = NonNullable<DeliveryFilters['channel']>;

const PAGE = 50;
const DELIVERIES = ['deliveries'] as const;

/** The states from which the service sends a delivery again by hand. */
export const RETRYABLE: ReadonlySet<string> = new Set<DeliveryState>(['permanent-failure', 'technical-failure']);

/** The province's deliveries, newest first, 50 at a time along the service's cursor. */
export function useDeliveries(filters: DeliveryFilters) {
  return useInfiniteQuery({
    queryKey: [...DELIVERIES, 'list', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.notification.GET('/api/v1/deliveries', {
          params: { query: { ...filters, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/** One delivery; while it waits or is being sent it is read again, so its outcome shows by itself. */
export function useDelivery(id: string) {
  return useQuery({
    queryKey: [...DELIVERIES, 'one', id],
    queryFn: () => unwrap(api.notification.GET('/api/v1/deliveries/{id}', { params: { path: { id } } })),
    refetchInterval: (query) =>
      ['created', 'sending', 'temporary-failure'].includes(query.state.data?.state ?? '') ? 5_000 : false,
  });
}

/** Sends a failed delivery again; the list and the delivery are read again whatever the answer (a 409 means its state moved on). */
export function useRetryDelivery(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.notification.POST('/api/v1/deliveries/{id}/retry', { params: { path: { id } } })),
    onSuccess: (delivery) => queryClient.setQueryData([...DELIVERIES, 'one', id], delivery),
    onSettled: () => queryClient.invalidateQueries({ queryKey: DELIVERIES }),
  });
}
