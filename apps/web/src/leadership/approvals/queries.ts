import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, download, unwrap } from '../../api/clients';
import type { components as RoutingSchemas } from '../../api/generated/routing';
import type { components as SignatureSchemas } from '../../api/generated/digital-signature';

export type WorkItem = RoutingSchemas['schemas']['WorkItemDto'];
export type Certificate = SignatureSchemas['schemas']['CertificateDto'];
export type SignatureRequest = SignatureSchemas['schemas']['SignatureRequestDto'];
export type Preparation = SignatureSchemas['schemas']['PreparationDto'];

/** A decision is taken while the dossier is being processed (national status 4); waiting for its signature keeps that status. */
const PROCESSING_STATUS = 4;
const PAGE = 50;
/** The list and the waiting signatures refresh this often, so a specialist's hand-over or a finished signature shows by itself. */
export const DECISIONS_REFRESH_MS = 4_000;

/** Processing dossiers of the leader's unit, most urgent first, a page of 50 at a time through the server's cursor. */
export function useDecisionQueue() {
  return useInfiniteQuery({
    queryKey: ['work-queue', 'decisions'],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.routing.GET('/api/v1/work-items', {
          params: { query: { status: PROCESSING_STATUS, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: DECISIONS_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

/**
 * The caller's own signing certificates (the service answers only those to an official who is not
 * an administrator); the document names both filters, so the caller's subject and unit are given.
 */
export function useMyCertificates(userId: string | undefined, unitCode: string | null | undefined) {
  return useQuery({
    queryKey: ['certificates', 'mine', userId, unitCode],
    queryFn: () =>
      unwrap(
        api.signature.GET('/api/v1/certificates', { params: { query: { userId: userId!, unitCode: unitCode! } } }),
      ).then((list) => list.items),
    enabled: Boolean(userId && unitCode),
    staleTime: 60_000,
  });
}

/** Results of the leader's decisions waiting for a signature from a device or remote key. */
export function useSignatureRequests() {
  return useQuery({
    queryKey: ['signature-requests'],
    queryFn: () => unwrap(api.signature.GET('/api/v1/signature-requests')).then((list) => list.items),
    refetchInterval: DECISIONS_REFRESH_MS,
  });
}

/** Step one of a device signature: the digest of the waiting result, to be signed on the device. */
export function usePrepareSignature() {
  return useMutation({
    mutationFn: ({ requestId, certificateId }: { requestId: string; certificateId: string }) =>
      unwrap(
        api.signature.POST('/api/v1/signatures/preparations', { body: { requestId, certificateId, level: 'B-T' } }),
      ),
  });
}

/** Step two: the device's signature value completes the result; the dossier then reaches its result (status 9). */
export function useCompleteSignature() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ preparationId, signatureValue }: { preparationId: string; signatureValue: string }) =>
      unwrap(
        api.signature.POST('/api/v1/signatures/preparations/{id}/completion', {
          params: { path: { id: preparationId } },
          body: { signatures: [signatureValue] },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['signature-requests'] });
      void queryClient.invalidateQueries({ queryKey: ['work-queue'] });
      void queryClient.invalidateQueries({ queryKey: ['work-item'] });
    },
  });
}

/** The rendered result waiting for the signature, for the leader to read before signing it. */
export function useOpenResultDocument() {
  return useMutation({
    mutationFn: async (documentId: string) => {
      const blob = await download('digital-signature', `/api/v1/documents/${encodeURIComponent(documentId)}`);
      const url = URL.createObjectURL(blob);
      window.open(url, '_blank', 'noopener');
      // The new tab has read it by then; the URL need not outlive it.
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  });
}
