import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { Accuracy, MessageImprint, PKIFailureInfo, PKIFailureInfoFlags, PKIStatus, PKIStatusInfo, PKIFreeText, TimeStampReq, TimeStampResp, TSTInfo } from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { KeyObject, randomBytes } from 'node:crypto';
import { Certificate } from './certificate';
import { assembleSignedData, sha256, signedAttributes, signWithKey } from './cms';
import { SignedMessage } from './cms-reader';
import { encodeElement, encodeInteger, readElement } from './der';
import { algorithmsOf } from './keys';
import { OID } from './oids';

const DIGEST_LENGTHS: Record<string, number> = { [OID.sha256]: 32, '2.16.840.1.101.3.4.2.2': 48, '2.16.840.1.101.3.4.2.3': 64 };

/** A time-stamping unit: its certificate (EKU timeStamping, critical), chain, key and policy. */
export interface TimeStampingUnit {
  certificate: Certificate;
  chain: Certificate[];
  privateKey: KeyObject;
  policy: string;
}

/** Thrown when a time-stamp response does not grant a token, or a token does not check out. */
export class TimeStampError extends Error {}

/** An RFC 3161 request for a SHA-256 imprint, asking for the TSA's certificate in the token. */
export function timeStampRequest(digest: Uint8Array, nonce: Buffer = randomBytes(8)): Buffer {
  nonce[0] &= 0x7f;
  const request = new TimeStampReq({
    version: 1,
    messageImprint: new MessageImprint({ hashAlgorithm: new AlgorithmIdentifier({ algorithm: OID.sha256 }), hashedMessage: new OctetString(digest) }),
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
export function respondToTimeStampRequest(requestDer: Uint8Array, unit: TimeStampingUnit, genTime: Date, serialNumber: bigint): Buffer {
  let request: TimeStampReq;
  try {
    request = AsnConvert.parse(requestDer, TimeStampReq);
  } catch {
    return rejection(PKIFailureInfoFlags.badDataFormat, 'the request is not a DER TimeStampReq');
  }
  const algorithm = request.messageImprint.hashAlgorithm.algorithm;
  if (!DIGEST_LENGTHS[algorithm]) return rejection(PKIFailureInfoFlags.badAlg, `hash algorithm ${algorithm} is not accepted`);
  if (request.messageImprint.hashedMessage.byteLength !== DIGEST_LENGTHS[algorithm]) return rejection(PKIFailureInfoFlags.badDataFormat, 'the imprint length does not match its algorithm');
  if (request.reqPolicy && request.reqPolicy !== unit.policy) return rejection(PKIFailureInfoFlags.unacceptedPolicy, `policy ${request.reqPolicy} is not offered`);
  if (request.extensions?.length) return rejection(PKIFailureInfoFlags.unacceptedExtension, 'extensions are not accepted');
  const token = timeStampToken(request, unit, genTime, serialNumber);
  const granted = Buffer.from(AsnConvert.serialize(new PKIStatusInfo({ status: PKIStatus.granted })));
  return encodeElement(0x30, Buffer.concat([granted, token]));
}

function serialBytes(serial: bigint): ArrayBuffer {
  const integer = encodeInteger(serial);
  return new Uint8Array(integer.subarray(readElement(integer).valueStart)).buffer;
}

function timeStampToken(request: TimeStampReq, unit: TimeStampingUnit, genTime: Date, serialNumber: bigint): Buffer {
  const info = new TSTInfo({
    version: 1,
    policy: unit.policy,
    messageImprint: request.messageImprint,
    serialNumber: serialBytes(serialNumber),
    genTime: new Date(Math.floor(genTime.getTime() / 1000) * 1000),
    accuracy: new Accuracy({ seconds: 1 }),
    nonce: request.nonce,
  });
  const content = Buffer.from(AsnConvert.serialize(info));
  const { attributes, der } = signedAttributes(OID.tstInfo, sha256(content), unit.certificate);
  return assembleSignedData({
    signer: unit.certificate,
    chain: request.certReq ? unit.chain : [],
    contentType: OID.tstInfo,
    content,
    attributes,
    signatureAlgorithm: algorithmsOf(unit.privateKey).cmsOid,
    signatureValue: signWithKey(der, unit.privateKey),
  });
}

/** The token of a granted response; a rejection becomes a TimeStampError with the TSA's words. */
export function tokenOf(responseDer: Uint8Array): Buffer {
  let response: TimeStampResp;
  try {
    response = AsnConvert.parse(responseDer, TimeStampResp);
  } catch {
    throw new TimeStampError('the time-stamping authority answered something other than a TimeStampResp');
  }
  if (response.status.status > PKIStatus.grantedWithMods || !response.timeStampToken) {
    throw new TimeStampError(`the time-stamping authority refused: ${response.status.statusString?.join('; ') ?? `status ${response.status.status}`}`);
  }
  return Buffer.from(AsnConvert.serialize(response.timeStampToken));
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

/** Reads a token and checks it against the imprint of the data it should time-stamp. */
export function readTimeStampToken(tokenDer: Uint8Array, stampedData: Uint8Array): TimeStampTokenInfo {
  const message = SignedMessage.parse(tokenDer);
  if (message.contentType !== OID.tstInfo || !message.content) throw new TimeStampError('the token does not carry a TSTInfo');
  const info = AsnConvert.parse(message.content, TSTInfo);
  const result: TimeStampTokenInfo = {
    genTime: info.genTime,
    serialNumber: Buffer.from(info.serialNumber).toString('hex'),
    policy: info.policy,
    valid: false,
    tsaCertificate: message.signerCertificate,
    certificates: message.certificates,
  };
  const imprintAlgorithm = info.messageImprint.hashAlgorithm.algorithm;
  if (imprintAlgorithm !== OID.sha256) return { ...result, problem: `imprint algorithm ${imprintAlgorithm} is not supported` };
  if (!Buffer.from(info.messageImprint.hashedMessage.buffer).equals(sha256(stampedData))) return { ...result, problem: 'the token time-stamps other data' };
  const { digestMatches, signatureValid } = message.verifySignature(message.digestOf(message.content)!);
  if (!digestMatches || !signatureValid) return { ...result, problem: "the TSA's signature over the token does not verify" };
  if (!result.tsaCertificate?.extendedKeyUsages.includes(OID.timeStamping)) return { ...result, problem: 'the signer is not a time-stamping authority' };
  return { ...result, valid: true };
}
