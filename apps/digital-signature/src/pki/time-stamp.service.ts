import { Inject, Injectable } from '@nestjs/common';
import {
  readTimeStampToken,
  respondToTimeStampRequest,
  sha256Imprint,
  timeStampRequest,
  TimeStampError,
  timeStampToken,
  tokenOf,
  validateChain,
} from '@onestop/pades';
import { Clock } from '@onestop/platform';
import { DigitalSignatureEnv } from '../digital-signature.env';
import { PKI_MATERIAL, PkiMaterial } from './pki-directory';
import { TimeStampStore } from './time-stamp.store';

const TSA_TIMEOUT_MS = 10_000;

/** RFC 3161 time-stamps: from the configured external TSA, or from the service's own. */
@Injectable()
export class TimeStampService {
  constructor(
    private readonly env: DigitalSignatureEnv,
    private readonly serials: TimeStampStore,
    private readonly clock: Clock,
    @Inject(PKI_MATERIAL) private readonly pki: PkiMaterial,
  ) {}

  get runsOwnTsa(): boolean {
    return !!this.pki.tsa;
  }

  get available(): boolean {
    return !!this.env.TSA_URL || !!this.pki.tsa;
  }

  /** The service's own TSA answering a request (its HTTP endpoint, and in-process stamping). */
  async respond(requestDer: Buffer): Promise<Buffer> {
    if (!this.pki.tsa) throw new TimeStampError('this service runs no time-stamping authority');
    return respondToTimeStampRequest(requestDer, this.pki.tsa, this.clock.now(), await this.serials.nextSerial());
  }

  /** A token over the digest; a TSA that refuses or cannot be reached is a TimeStampError. */
  async stamp(digest: Buffer): Promise<Buffer> {
    // The service's own TSA stamps in process: no request to encode and parse back.
    if (!this.env.TSA_URL) {
      if (!this.pki.tsa) throw new TimeStampError('this service runs no time-stamping authority');
      return timeStampToken(
        { messageImprint: sha256Imprint(digest), withCertificates: true },
        this.pki.tsa,
        this.clock.now(),
        await this.serials.nextSerial(),
      );
    }
    const request = timeStampRequest(digest);
    let response: Response;
    try {
      response = await fetch(this.env.TSA_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query' },
        body: request,
        signal: AbortSignal.timeout(TSA_TIMEOUT_MS),
      });
    } catch (error) {
      throw new TimeStampError(`the time-stamping authority cannot be reached: ${(error as Error).message}`);
    }
    if (!response.ok) throw new TimeStampError(`the time-stamping authority answered HTTP ${response.status}`);
    const token = tokenOf(Buffer.from(await response.arrayBuffer()));
    // An outside answer is checked before it goes into a result: the imprint is of this fresh
    // signature value (so no older token can stand in), the TSA's signature and its chain.
    const info = readTimeStampToken(token, digest);
    if (!info.valid) throw new TimeStampError(`the time-stamping authority's token is not valid: ${info.problem}`);
    const chain = validateChain(
      info.tsaCertificate!,
      [...info.certificates, ...this.pki.intermediates],
      this.pki.trustAnchors,
      info.genTime,
    );
    if (chain.status !== 'valid')
      throw new TimeStampError(`the time-stamping authority is not trusted: ${chain.problem}`);
    return token;
  }
}
