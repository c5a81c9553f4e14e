import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/clients';
import type { components } from '../api/generated/intake';

export type IssuedTicket = components['schemas']['IssuedTicketDto'];
export type PriorityGroup = IssuedTicket['priorityGroup'];

/** A citizen's phone sees the desk's call within this time. */
export const TICKET_REFRESH_MS = 3_000;

/** Takes today's number at a unit from home (channel online): a priority group may be claimed, the desk checks it. */
export function useTakeTicket() {
  return useMutation({
    mutationFn: ({ unitCode, priorityGroup }: { unitCode: string; priorityGroup: PriorityGroup }) =>
      unwrap(
        api.intake.POST('/api/v1/receiving-units/{unitCode}/tickets', {
          params: { path: { unitCode } },
          body: { channel: 'online', priorityGroup },
        }),
      ),
  });
}

/** A ticket's place in line, its estimated wait and, once called, the counter: asked again every few seconds until it is called. */
export function useTicketStatus(unitCode: string, number: number) {
  return useQuery({
    queryKey: ['queue-ticket', unitCode, number],
    queryFn: () =>
      unwrap(
        api.intake.GET('/api/v1/receiving-units/{unitCode}/tickets/{number}', {
          params: { path: { unitCode, number } },
        }),
      ),
    refetchInterval: (query) => (query.state.data?.status === 'called' ? false : TICKET_REFRESH_MS),
    // A phone in a pocket keeps the tab in the background: the call must reach it all the same.
    refetchIntervalInBackground: true,
  });
}
