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
    mutationFn: (filing: Filing) => unwrap(api.intake.POST('/api/v1/dossiers', { body: filing, params: { header: { 'Idempotency-Key': idempotencyKey } } })),
  });
}

/** A dossier as intake holds it (the desk that received it sees the applicant's details). */
export function useIntakeDossier(code: string) {
  return useQuery({ queryKey: ['intake-dossier', code], queryFn: () => unwrap(api.intake.GET('/api/v1/dossiers/{code}', { params: { path: { code } } })) });
}
