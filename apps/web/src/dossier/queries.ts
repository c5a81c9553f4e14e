import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/clients';

/** Where the dossier stands against its deadline in working time, as task-monitoring's clock counts it. */
export function useDossierDeadline(id: string) {
  return useQuery({
    queryKey: ['work-item', id, 'deadline'],
    queryFn: () => unwrap(api.taskMonitoring.GET('/api/v1/dossiers/{id}/deadline', { params: { path: { id } } })),
    refetchInterval: 60_000,
  });
}

/** The dossier as filed (its documents), where intake lets the officer read it. */
export function useFiledDossier(code: string) {
  return useQuery({
    queryKey: ['intake-dossier', code],
    queryFn: () => unwrap(api.intake.GET('/api/v1/dossiers/{code}', { params: { path: { code } } })),
    enabled: Boolean(code),
    retry: false,
  });
}
