import { PadesError } from './errors';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  MessageImprint,
  PKIFailureInfo,
  PKIFailureInfoFlags,
  PKIStatus,
  PKIStatusInfo,
  PKIFreeText,
  TimeStampReq,
  TSTInfo,
} from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { KeyObject, randomBytes } from 'node:crypto';
import { Certificate } from './certificate';
import { assembleSignedData, sha256, signedAttributes, signWithKey } from './cms';
import { SignedMessage } from './cms-reader';
import { childrenOf, DerElement, encodeElement, encodeInteger, encodeObjectIdentifier, readElement } from './der';
import { algorithmsOf } from './keys';
import { OID } from './oids';

const DIGEST_LENGTHS: Record<string, number> = { [OID.sha256]: 32, [OID.sha384]: 48, [OID.sha512]: 64 };

/** A time-stamping unit: its certificate (EKU timeStamping, critical), chain, key and policy. */
export interface TimeStampingUnit {
  certificate: Certificate;
  chain: Certificate[];
  privateKey: KeyObject;
  policy: string;
}

/** Thrown when a time-stamp response does not grant a token, or a token does not check out. */
export class TimeStampError extends PadesError {}

/** An RFC 3161 request for a SHA-256 imprint, asking for the TSA's certificate in the token. */
export function timeStampRequest(digest: Uint8Array, nonce: Buffer = randomBytes(8)): Buffer {
  nonce[0] &= 0x7f;
  const request = new TimeStampReq({
    version: 1,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithm: OID.sha256 }),
      hashedMessage: new OctetString(digest),
    }),
    nonce: new Uint8Array(nonce).buffer,
    certReq: true,
  });
  return Buffer.from(AsnConvert.serialize(request));
}

function rejection(failure: PKIFailureInfoFlags, text: string): Buffer {
  const failInfo = new PKIFailureInfo();
  failInfo.fromNumber(failure);
  const status = new PKIStatusInfo({ status: PKIStatus.rejection, statusString: new PKIFreeText([text]), failInfo });
  return encodeElement(0x30, Buffer.from(AsnConvert.serialize(status)));
}

/**
 * Answers an RFC 3161 request: a granted response with a token over the imprint at `genTime`, or a
 * rejection naming what is wrong with the request (never an exception for a bad request).
 */
export function respondToTimeStampRequest(
  requestDer: Uint8Array,
  unit: TimeStampingUnit,
  genTime: Date,
  serialNumber: bigint,
): Buffer {
  let request: TimeStampReq;
  try {
    request = AsnConvert.parse(requestDer, TimeStampReq);
  } catch {
    return rejection(PKIFailureInfoFlags.badDataFormat, 'the request is not a DER TimeStampReq');
  }
  const algorithm = request.messageImprint.hashAlgorithm.algorithm;
  if (!DIGEST_LENGTHS[algorithm])
    return rejection(PKIFailureInfoFlags.badAlg, `hash algorithm ${algorithm} is not accepted`);
  if (request.messageImprint.hashedMessage.byteLength !== DIGEST_LENGTHS[algorithm])
    return rejection(PKIFailureInfoFlags.badDataFormat, 'the imprint length does not match its algorithm');
  if (request.reqPolicy && request.reqPolicy !== unit.policy)
    return rejection(PKIFailureInfoFlags.unacceptedPolicy, `policy ${request.reqPolicy} is not offered`);
  if (request.extensions?.length)
    return rejection(PKIFailureInfoFlags.unacceptedExtension, 'extensions are not accepted');
  // Imprint and nonce go back exactly as the requester encoded them (DER; BER is refused).
  let fields: DerElement[];
  try {
    fields = childrenOf(requestDer, readElement(requestDer));
  } catch {
    return rejection(PKIFailureInfoFlags.badDataFormat, 'the request is not DER');
  }
  const nonce = fields.find((field) => field.tag === 0x02 && field !== fields[0]);
  const token = timeStampToken(
    {
      messageImprint: Buffer.from(requestDer.subarray(fields[1].start, fields[1].end)),
      nonce: nonce ? Buffer.from(requestDer.subarray(nonce.start, nonce.end)) : undefined,
      withCertificates: request.certReq,
    },
    unit,
    genTime,
    serialNumber,
  );
  const granted = Buffer.from(AsnConvert.serialize(new PKIStatusInfo({ status: PKIStatus.granted })));
  return encodeElement(0x30, Buffer.concat([granted, token]));
}

/** GeneralizedTime with whole seconds, as TSTInfo carries it (accuracy: one second). */
function generalizedTime(instant: Date): Buffer {
  const text = instant.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
  return encodeElement(0x18, Buffer.from(text, 'latin1'));
}

export interface TimeStampSubject {
  /** DER of the MessageImprint (hash algorithm and hashed message). */
  messageImprint: Buffer;
  /** DER of the nonce INTEGER, echoed when the request had one. */
  nonce?: Buffer;
  withCertificates: boolean;
}

/** A token over an imprint: the TSTInfo signed by the unit, encoded directly in DER. */
export function timeStampToken(
  subject: TimeStampSubject,
  unit: TimeStampingUnit,
  genTime: Date,
  serialNumber: bigint,
): Buffer {
  const content = encodeElement(
    0x30,
    Buffer.concat([
      encodeInteger(1),
      encodeObjectIdentifier(unit.policy),
      subject.messageImprint,
      encodeInteger(serialNumber),
      generalizedTime(genTime),
      encodeElement(0x30, encodeInteger(1)), // accuracy: seconds 1
      ...(subject.nonce ? [subject.nonce] : []),
    ]),
  );
  const attributes = signedAttributes(OID.tstInfo, sha256(content), unit.certificate);
  return assembleSignedData({
    signer: unit.certificate,
    chain: unit.chain,
    withoutCertificates: !subject.withCertificates,
    contentType: OID.tstInfo,
    content,
    signedAttributes: attributes,
    signatureAlgorithm: algorithmsOf(unit.privateKey).cmsOid,
    signatureValue: signWithKey(attributes, unit.privateKey),
  });
}

/** The imprint of a SHA-256 digest, for stamping in process without a request round trip. */
export function sha256Imprint(digest: Uint8Array): Buffer {
  return encodeElement(
    0x30,
    Buffer.concat([encodeElement(0x30, encodeObjectIdentifier(OID.sha256)), encodeElement(0x04, digest)]),
  );
}

/** The token of a granted response; a rejection becomes a TimeStampError with the TSA's words. */
export function tokenOf(responseDer: Uint8Array): Buffer {
  // The token is taken as the TSA encoded it: its signature covers those bytes, and parsing the
  // whole token (certificates included) only to re-encode it would cost more than signing.
  let parts: DerElement[];
  let status: PKIStatusInfo;
  try {
    parts = childrenOf(responseDer, readElement(responseDer));
    status = AsnConvert.parse(responseDer.subarray(parts[0].start, parts[0].end), PKIStatusInfo);
  } catch {
    throw new TimeStampError('the time-stamping authority answered something other than a TimeStampResp');
  }
  if (status.status > PKIStatus.grantedWithMods || !parts[1]) {
    throw new TimeStampError(
      `the time-stamping authority refused: ${status.statusString?.join('; ') ?? `status ${status.status}`}`,
    );
  }
  return Buffer.from(responseDer.subarray(parts[1].start, parts[1].end));
}

export interface TimeStampTokenInfo {
  genTime: Date;
  serialNumber: string;
  policy: string;
  /** The imprint matches the data and the TSA's signature over it checks out. */
  valid: boolean;
  problem?: string;
  tsaCertificate?: Certificate;
  certificates: Certificate[];
}

/**
 * Reads a token and checks it against the SHA-256 digest of the data it should time-stamp. Whatever
 * is malformed in it is a TimeStampError: the token lies outside what a signature covers.
 */
export function readTimeStampToken(tokenDer: Uint8Array, expectedImprint: Uint8Array): TimeStampTokenInfo {
  let message: SignedMessage;
  let info: TSTInfo;
  let genTime: Date;
  try {
    message = SignedMessage.parse(tokenDer);
    if (message.contentType !== OID.tstInfo || !message.content)
      throw new TimeStampError('the token does not carry a TSTInfo');
    info = AsnConvert.parse(message.content, TSTInfo);
    genTime = timeStampTimeOf(tokenDer); // read as UTC, whatever the ASN.1 library assumes
  } catch (error) {
    throw error instanceof TimeStampError ? error : new TimeStampError('the time-stamp token is malformed');
  }
  const result: TimeStampTokenInfo = {
    genTime,
    serialNumber: Buffer.from(info.serialNumber).toString('hex'),
    policy: info.policy,
    valid: false,
    tsaCertificate: message.signerCertificate,
    certificates: message.certificates,
  };
  const imprintAlgorithm = info.messageImprint.hashAlgorithm.algorithm;
  if (imprintAlgorithm !== OID.sha256)
    return { ...result, problem: `imprint algorithm ${imprintAlgorithm} is not supported` };
  if (!Buffer.from(info.messageImprint.hashedMessage.buffer).equals(Buffer.from(expectedImprint)))
    return { ...result, problem: 'the token time-stamps other data' };
  const contentDigest = message.digestOf(message.content!);
  if (!contentDigest) return { ...result, problem: 'the token uses an unsupported digest algorithm' };
  const { digestMatches, signatureValid } = message.verifySignature(contentDigest);
  if (!digestMatches || !signatureValid)
    return { ...result, problem: "the TSA's signature over the token does not verify" };
  if (!result.tsaCertificate?.extendedKeyUsages.includes(OID.timeStamping))
    return { ...result, problem: 'the signer is not a time-stamping authority' };
  return { ...result, valid: true };
}

/**
 * The time of a token, read from its TSTInfo alone: cheap enough for every signature a service
 * makes with a token it has just obtained (readTimeStampToken checks one fully).
 */
export function timeStampTimeOf(tokenDer: Uint8Array): Date {
  const contentInfo = childrenOf(tokenDer, readElement(tokenDer));
  const signedData = childrenOf(tokenDer, childrenOf(tokenDer, contentInfo[1])[0]);
  const encapsulated = childrenOf(tokenDer, signedData[2]);
  const octets = childrenOf(tokenDer, encapsulated[1])[0];
  const tstInfo = readElement(tokenDer, octets.valueStart);
  const genTime = childrenOf(tokenDer, tstInfo).find((field) => field.tag === 0x18);
  if (!genTime) throw new TimeStampError('the token has no genTime');
  const text = Buffer.from(tokenDer.subarray(genTime.valueStart, genTime.end)).toString('latin1');
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d+)?Z$/.exec(text);
  if (!match) throw new TimeStampError(`the token's genTime ${text} is not a UTC GeneralizedTime`);
  return new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${match[7] ?? ''}Z`);
}
