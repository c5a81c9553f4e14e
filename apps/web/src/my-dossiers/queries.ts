import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/clients';

const PAGE = 20;

/** The signed-in citizen's own dossiers (filed online under their account), newest first, a page at a time. */
export function useMyDossiers() {
  return useInfiniteQuery({
    queryKey: ['my-dossiers'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.intake.GET('/api/v1/dossiers', {
          params: { query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
