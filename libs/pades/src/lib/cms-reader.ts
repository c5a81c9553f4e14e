import { PadesError } from './errors';
import { ContentInfo, SignedData, SignerInfo } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { createHash, verify } from 'node:crypto';
import { Certificate } from './certificate';
import { childrenOf, readElement } from './der';
import { OID } from './oids';

/** Thrown when bytes that should be a CMS SignedData are not one we can read. */
export class CmsFormatError extends PadesError {}

const DIGESTS: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

/** A CMS SignedData with one signer, as PAdES signatures and time-stamp tokens are. */
export class SignedMessage {
  readonly signerInfo: SignerInfo;
  readonly certificates: Certificate[];
  /** null until looked up. */
  private signer: Certificate | undefined | null = null;

  private constructor(
    readonly signedData: SignedData,
    private readonly signedAttributesRaw: Buffer | undefined,
  ) {
    if (signedData.signerInfos.length !== 1)
      throw new CmsFormatError(`expected one signer, found ${signedData.signerInfos.length}`);
    this.signerInfo = signedData.signerInfos[0];
    this.certificates = (signedData.certificates ?? [])
      .filter((c) => c.certificate)
      .map((c) => Certificate.fromDer(new Uint8Array(AsnConvert.serialize(c.certificate!))));
  }

  static parse(der: Uint8Array): SignedMessage {
    try {
      const info = AsnConvert.parse(der, ContentInfo);
      if (info.contentType !== OID.signedData)
        throw new CmsFormatError(`content type ${info.contentType} is not signed data`);
      return new SignedMessage(AsnConvert.parse(info.content, SignedData), rawSignedAttributes(der));
    } catch (error) {
      if (error instanceof CmsFormatError) throw error;
      throw new CmsFormatError('not a DER CMS SignedData');
    }
  }

  get contentType(): string {
    return this.signedData.encapContentInfo.eContentType;
  }

  get content(): Buffer | undefined {
    const single = this.signedData.encapContentInfo.eContent?.single;
    return single ? Buffer.from(single.buffer) : undefined;
  }

  get digestAlgorithm(): string | undefined {
    return DIGESTS[this.signerInfo.digestAlgorithm.algorithm];
  }

  /** The certificate the signer identifier names, among those the message carries; looked up once. */
  get signerCertificate(): Certificate | undefined {
    if (this.signer === null) this.signer = this.findSigner();
    return this.signer;
  }

  private findSigner(): Certificate | undefined {
    const sid = this.signerInfo.sid.issuerAndSerialNumber;
    if (!sid) return undefined;
    const serial = Buffer.from(sid.serialNumber);
    // Serial numbers first: the issuer names are encoded only for the certificate that can match.
    const candidates = this.certificates.filter((c) => Buffer.from(c.asn.tbsCertificate.serialNumber).equals(serial));
    if (candidates.length === 0) return undefined;
    const issuer = Buffer.from(AsnConvert.serialize(sid.issuer));
    return candidates.find((c) => Buffer.from(AsnConvert.serialize(c.asn.tbsCertificate.issuer)).equals(issuer));
  }

  signedAttribute(oid: string): Buffer | undefined {
    const found = this.signerInfo.signedAttrs?.find((a) => a.attrType === oid);
    return found?.attrValues[0] ? Buffer.from(found.attrValues[0]) : undefined;
  }

  unsignedAttribute(oid: string): Buffer | undefined {
    const found = this.signerInfo.unsignedAttrs?.find((a) => a.attrType === oid);
    return found?.attrValues[0] ? Buffer.from(found.attrValues[0]) : undefined;
  }

  get signatureValue(): Buffer {
    return Buffer.from(this.signerInfo.signature.buffer);
  }

  /** The message-digest attribute's value. */
  get messageDigest(): Buffer | undefined {
    const value = this.signedAttribute(OID.messageDigest);
    // An OCTET STRING under 128 bytes: tag, length, value.
    return value ? value.subarray(2) : undefined;
  }

  /** The DER SET OF signed attributes that the signature covers (the [0] tag turned back into SET). */
  get signedAttributesDer(): Buffer | undefined {
    return this.signedAttributesRaw;
  }

  /** Does `digest` match the message digest, and is the signature over the attributes the signer's? */
  verifySignature(digest: Uint8Array): { digestMatches: boolean; signatureValid: boolean } {
    const messageDigest = this.messageDigest;
    const digestMatches = !!messageDigest && messageDigest.equals(Buffer.from(digest));
    const signer = this.signerCertificate;
    const attributes = this.signedAttributesDer;
    const algorithm = this.digestAlgorithm;
    if (!signer || !attributes || !algorithm) return { digestMatches, signatureValid: false };
    let signatureValid = false;
    try {
      signatureValid = verify(algorithm, attributes, signer.native.publicKey, this.signatureValue);
    } catch {
      signatureValid = false;
    }
    return { digestMatches, signatureValid };
  }

  digestOf(...parts: Uint8Array[]): Buffer | undefined {
    const algorithm = this.digestAlgorithm;
    if (!algorithm) return undefined;
    const hash = createHash(algorithm);
    for (const part of parts) hash.update(part);
    return hash.digest();
  }
}

/**
 * The signed attributes exactly as the signer encoded them: the signature covers those bytes, and a
 * re-encoding would differ for any signer whose encoder is not strictly DER.
 */
function rawSignedAttributes(der: Uint8Array): Buffer | undefined {
  const contentInfo = readElement(der);
  const explicit = childrenOf(der, contentInfo)[1];
  const signedData = childrenOf(der, explicit)[0];
  const signerInfos = childrenOf(der, signedData).at(-1)!;
  const signerInfo = childrenOf(der, signerInfos)[0];
  const attributes = signerInfo && childrenOf(der, signerInfo).find((element) => element.tag === 0xa0);
  if (!attributes) return undefined;
  const bytes = Buffer.from(der.subarray(attributes.start, attributes.end));
  bytes[0] = 0x31; // [0] IMPLICIT back to the SET OF the signature was made over
  return bytes;
}
