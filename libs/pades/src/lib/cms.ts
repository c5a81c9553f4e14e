import { Attribute, CertificateChoices, CertificateSet, ContentInfo, EncapsulatedContent, EncapsulatedContentInfo, IssuerAndSerialNumber, SignedData, SignerIdentifier, SignerInfo } from '@peculiar/asn1-cms';
import { DigestAlgorithmIdentifiers, SignerInfos } from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, GeneralName, GeneralNames } from '@peculiar/asn1-x509';
import { createHash, KeyObject, sign } from 'node:crypto';
import { Certificate } from './certificate';
import { encodeObjectIdentifier, encodeSetOf } from './der';
import { EssCertIdV2, EssCertIdV2List, IssuerSerial, SigningCertificateV2 } from './ess';
import { OID } from './oids';

export function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function attribute(type: string, value: ArrayBuffer | Uint8Array): Attribute {
  const bytes = value instanceof Uint8Array ? value : new Uint8Array(value);
  return new Attribute({ attrType: type, attrValues: [bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer] });
}

export function signingCertificateV2(certificate: Certificate): SigningCertificateV2 {
  const issuer = new GeneralNames([new GeneralName({ directoryName: certificate.asn.tbsCertificate.issuer })]);
  return new SigningCertificateV2({
    certs: new EssCertIdV2List([
      new EssCertIdV2({
        certHash: new OctetString(sha256(certificate.der)),
        issuerSerial: new IssuerSerial({ issuer, serialNumber: certificate.asn.tbsCertificate.serialNumber }),
      }),
    ]),
  });
}

/**
 * The signed attributes of a CAdES baseline signature: content type, message digest and
 * signing-certificate-v2. No signing-time: PAdES puts the claimed time in the signature dictionary.
 * Returned as the DER SET OF that the signature covers.
 */
export function signedAttributes(contentType: string, digest: Uint8Array, signer: Certificate): { attributes: Attribute[]; der: Buffer } {
  const attributes = [
    attribute(OID.contentType, encodeObjectIdentifier(contentType)),
    attribute(OID.messageDigest, AsnConvert.serialize(new OctetString(digest))),
    attribute(OID.signingCertificateV2, AsnConvert.serialize(signingCertificateV2(signer))),
  ];
  const encoded = attributes.map((a) => Buffer.from(AsnConvert.serialize(a)));
  const der = encodeSetOf(encoded);
  // The SignerInfo must carry them in the same (sorted) order the signature covers.
  const order = [...encoded].sort(Buffer.compare).map((e) => encoded.indexOf(e));
  return { attributes: order.map((i) => attributes[i]), der };
}

export interface SignerInfoParts {
  signer: Certificate;
  chain: Certificate[];
  contentType: string;
  /** eContent for an encapsulated signature (a TSTInfo); absent for a detached one (PAdES). */
  content?: Uint8Array;
  attributes: Attribute[];
  signatureAlgorithm: string;
  signatureValue: Uint8Array;
  unsignedAttributes?: Attribute[];
}

/** Assembles a CMS ContentInfo(SignedData) from a signature value made over the signed attributes. */
export function assembleSignedData(parts: SignerInfoParts): Buffer {
  const sha256Algorithm = new AlgorithmIdentifier({ algorithm: OID.sha256 });
  const signerInfo = new SignerInfo({
    version: 1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({ issuer: parts.signer.asn.tbsCertificate.issuer, serialNumber: parts.signer.asn.tbsCertificate.serialNumber }),
    }),
    digestAlgorithm: sha256Algorithm,
    signedAttrs: parts.attributes,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: parts.signatureAlgorithm, parameters: parts.signatureAlgorithm === OID.sha256WithRsa ? null : undefined }),
    signature: new OctetString(parts.signatureValue),
    unsignedAttrs: parts.unsignedAttributes,
  });
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([sha256Algorithm]),
    encapContentInfo: new EncapsulatedContentInfo({
      eContentType: parts.contentType,
      eContent: parts.content ? new EncapsulatedContent({ single: new OctetString(parts.content) }) : undefined,
    }),
    certificates: new CertificateSet([parts.signer, ...parts.chain].map((c) => new CertificateChoices({ certificate: c.asn }))),
    signerInfos: new SignerInfos([signerInfo]),
  });
  // RFC 3161 and ETSI TS 119 312 ask for SignedData version 3 when eContentType is not id-data.
  if (parts.contentType !== OID.data) signedData.version = 3;
  return Buffer.from(AsnConvert.serialize(new ContentInfo({ contentType: OID.signedData, content: AsnConvert.serialize(signedData) })));
}

/** Signs the DER of the signed attributes with a key held here (not on a device). */
export function signWithKey(signedAttributesDer: Uint8Array, key: KeyObject): Buffer {
  return sign('sha256', signedAttributesDer, key);
}

export function signatureTimeStampAttribute(token: Uint8Array): Attribute {
  return attribute(OID.signatureTimeStampToken, token);
}
