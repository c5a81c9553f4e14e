import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/clients';
import type { components } from '../../api/generated/routing';

/** An officer as the unit's list shows one; a saved registration (without the count of open dossiers) fits it too. */
export type RegisteredOfficer = Omit<components['schemas']['UnitOfficerDto'], 'openWorkItems'> & {
  openWorkItems?: number;
};
export type Officer = components['schemas']['OfficerDto'];
export type UnitRole = Officer['roles'][number];

/** The roles within a unit, in the order the unit's work goes through them. */
export const UNIT_ROLES: readonly UnitRole[] = ['desk-officer', 'specialist', 'unit-leader'];

/** The officers registered with a unit, active or not. */
export function useUnitOfficers(unitCode: string | null) {
  return useQuery({
    queryKey: ['unit-officers', unitCode],
    queryFn: () =>
      unwrap(api.routing.GET('/api/v1/units/{unitCode}/officers', { params: { path: { unitCode: unitCode! } } })).then(
        (list) => list.items,
      ),
    enabled: Boolean(unitCode),
  });
}

/** Registers an officer with the unit, or changes his roles or whether he is active (new dossiers go only to active ones). */
export function useSaveOfficer(unitCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ subject, officer }: { subject: string; officer: Officer }) =>
      unwrap(
        api.routing.PUT('/api/v1/units/{unitCode}/officers/{subject}', {
          params: { path: { unitCode, subject } },
          body: officer,
        }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['unit-officers', unitCode] }),
  });
}
