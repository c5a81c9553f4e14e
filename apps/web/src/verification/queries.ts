import { useMutation, useQuery } from '@tanstack/react-query';
import { api, postFile, unwrap } from '../api/clients';
import type { VerificationReport } from './verdict';

/** The verification of a dossier's signed result, by the code its QR code carries (no sign-in). */
export function useSignedResult(code: string) {
  return useQuery({
    queryKey: ['signed-result', code],
    queryFn: () => unwrap(api.signature.GET('/api/v1/public/results/{code}', { params: { path: { code } } })),
    enabled: code !== '',
    // A report does not change while the page is open; a miss counts as a wrong try, so it is not asked again.
    staleTime: Infinity,
  });
}

/** The signatures of a PDF the citizen holds, verified by the service (the file is not kept). */
export function useUploadVerification() {
  return useMutation({
    mutationFn: (file: File) =>
      postFile<VerificationReport>('digital-signature', '/api/v1/verifications', file, 'application/pdf'),
  });
}
