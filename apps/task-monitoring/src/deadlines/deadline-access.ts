import { ProblemException } from '@onestop/platform';

/** A dossier outside the caller's jurisdiction answers exactly as one that does not exist; the problem names the path's `id`. */
export function noSuchDossier(id: string): ProblemException {
  return new ProblemException(404, 'No such dossier', { detail: `no dossier ${id} that you may see`, errors: [{ field: 'id', code: 'unknownReference', message: 'no dossier that you may see' }] });
}
