import { ProblemException } from '@onestop/platform';

/** A dossier outside the caller's jurisdiction answers exactly as one that does not exist. */
export function noSuchDossier(id: string): ProblemException {
  return new ProblemException(404, 'No such dossier', { detail: `no dossier ${id} that you may see` });
}
