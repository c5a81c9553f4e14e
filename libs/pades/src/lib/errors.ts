/**
 * Why a document, key, certificate or time-stamp cannot be signed, stamped or read: a fault of
 * the input or of the key material, never of the code. Callers answer it (a 4xx, a
 * SignatureFailed event) instead of letting it become a server error.
 */
export class PadesError extends Error {}
