import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/clients';
import type { components, operations } from '../../api/generated/digital-signature';

export type Certificate = components['schemas']['CertificateDto'];
export type CertificateImport = components['schemas']['ImportCertificateDto'];
export type RevocationReason = components['schemas']['RevokeCertificateDto']['reason'];
export type CertificateFilter = NonNullable<operations['CertificatesController_list']['parameters']['query']>;

export const REVOCATION_REASONS: readonly RevocationReason[] = [
  'keyCompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'privilegeWithdrawn',
  'unspecified',
];

const CERTIFICATES = ['certificates'] as const;

/**
 * The province's certificates, newest first, by officer or unit when given. The service takes
 * either filter or none; a filter left empty is not sent, since an empty one matches nobody.
 */
export function useCertificates(filter: CertificateFilter) {
  const query: CertificateFilter = Object.fromEntries(Object.entries(filter).filter(([, value]) => value));
  return useQuery({
    queryKey: [...CERTIFICATES, query],
    queryFn: () => unwrap(api.signature.GET('/api/v1/certificates', { params: { query } })).then((list) => list.items),
  });
}

/** After any change the list is read again: a lock or a revocation also changes what the others show. */
function useCertificateChange<Input>(change: (input: Input) => Promise<Certificate>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CERTIFICATES }),
  });
}

export function useImportCertificate() {
  return useCertificateChange((body: CertificateImport) =>
    unwrap(api.signature.POST('/api/v1/certificates', { body })),
  );
}

export function useLockCertificate() {
  return useCertificateChange(({ id, reason }: { id: string; reason: string }) =>
    unwrap(api.signature.POST('/api/v1/certificates/{id}/lock', { params: { path: { id } }, body: { reason } })),
  );
}

export function useUnlockCertificate() {
  return useCertificateChange((id: string) =>
    unwrap(api.signature.POST('/api/v1/certificates/{id}/unlock', { params: { path: { id } } })),
  );
}

export function useRevokeCertificate() {
  return useCertificateChange(({ id, reason }: { id: string; reason: RevocationReason }) =>
    unwrap(api.signature.POST('/api/v1/certificates/{id}/revocation', { params: { path: { id } }, body: { reason } })),
  );
}
