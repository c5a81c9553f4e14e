import { Certificate } from '@onestop/pades';
import { CertificateEntity } from './certificate.entity';

/** The position the certificate states (its subject's title, T=, e.g. "Chủ tịch"), or null. */
export function certificateTitle(record: Pick<CertificateEntity, 'subject'>): string | null {
  const title = /(?:^|, )T=((?:\\.|[^,\\])+)/.exec(record.subject)?.[1];
  return title ? title.replace(/\\(.)/g, '$1').trim() : null;
}

// Parsing a certificate costs about a millisecond, more than the signature itself; chains are
// immutable per fingerprint, so each is parsed once (bounded: officials number in thousands).
const parsedChains = new Map<string, Certificate[]>();
const MAX_PARSED_CHAINS = 10_000;

export function chainOf(record: Pick<CertificateEntity, 'chainPem' | 'fingerprint'>): Certificate[] {
  let chain = parsedChains.get(record.fingerprint);
  if (!chain) {
    chain = Certificate.parsePemChain(record.chainPem);
    if (parsedChains.size >= MAX_PARSED_CHAINS) parsedChains.delete(parsedChains.keys().next().value!);
    parsedChains.set(record.fingerprint, chain);
  }
  return chain;
}
