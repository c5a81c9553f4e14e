import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/clients';
import type { components } from '../api/generated/intake';

export type Filing = components['schemas']['FileDossierDto'];
export type Dossier = components['schemas']['DossierDto'];

/**
 * Files a dossier at the counter. The key is the form's: pressing the button twice, or again
 * after a network failure, gives back the same dossier, never a second one.
 */
export function useFileDossier(idempotencyKey: string) {
  return useMutation({
    mutationFn: (filing: Filing) =>
      unwrap(
        api.intake.POST('/api/v1/dossiers', {
          body: filing,
          params: { header: { 'Idempotency-Key': idempotencyKey } },
        }),
      ),
  });
}

/** A dossier as intake holds it (the desk that received it sees the applicant's details). */
export function useIntakeDossier(code: string) {
  return useQuery({
    queryKey: ['intake-dossier', code],
    queryFn: () => unwrap(api.intake.GET('/api/v1/dossiers/{code}', { params: { path: { code } } })),
  });
}

/** What a filing received now would get, from intake's own deadline code: the fee, the appointment and the due time. */
export function useAppointmentQuote(procedureCode: string | undefined, receivingUnitCode: string | null | undefined) {
  return useQuery({
    queryKey: ['appointment-quote', procedureCode, receivingUnitCode],
    queryFn: () =>
      unwrap(
        api.intake.GET('/api/v1/procedures/{code}/appointment', {
          params: { path: { code: procedureCode! }, query: { receivingUnitCode: receivingUnitCode! } },
        }),
      ),
    enabled: Boolean(procedureCode && receivingUnitCode),
    // The appointment moves with the clock (after 15:00 it counts from the next working day).
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });
}
