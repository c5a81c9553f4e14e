import { AsnConvert } from '@peculiar/asn1-schema';
import { OctetString } from '@peculiar/asn1-schema';
import { GeneralName, GeneralNames } from '@peculiar/asn1-x509';
import { createHash, KeyObject, sign } from 'node:crypto';
import { Certificate } from './certificate';
import { childrenOf, encodeElement, encodeInteger, encodeObjectIdentifier, encodeSetOf, readElement } from './der';
import { EssCertIdV2, EssCertIdV2List, IssuerSerial, SigningCertificateV2 } from './ess';
import { OID } from './oids';

// The CMS structures are written with the DER helpers: encoding through the ASN.1 library cost more
// than the RSA signatures of a B-T signature. ASN.1 classes remain for reading and for the ESS attribute.

export function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** Attribute ::= SEQUENCE { attrType OBJECT IDENTIFIER, attrValues SET OF ANY } with one value. */
function attribute(type: string, valueDer: Uint8Array): Buffer {
  return encodeElement(0x30, Buffer.concat([encodeObjectIdentifier(type), encodeElement(0x31, valueDer)]));
}

function algorithm(oid: string, nullParameters = false): Buffer {
  return encodeElement(
    0x30,
    Buffer.concat([encodeObjectIdentifier(oid), nullParameters ? Buffer.from([0x05, 0x00]) : Buffer.alloc(0)]),
  );
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

const signingCertificateDer = new WeakMap<Certificate, Buffer>();
const issuerAndSerialDer = new WeakMap<Certificate, Buffer>();

function signingCertificateAttributeValue(certificate: Certificate): Buffer {
  let der = signingCertificateDer.get(certificate);
  if (!der)
    signingCertificateDer.set(
      certificate,
      (der = Buffer.from(AsnConvert.serialize(signingCertificateV2(certificate)))),
    );
  return der;
}

/** IssuerAndSerialNumber from the certificate's own bytes: issuer Name and serial as encoded there. */
function issuerAndSerialNumber(certificate: Certificate): Buffer {
  let der = issuerAndSerialDer.get(certificate);
  if (!der) {
    const bytes = certificate.der;
    const tbs = childrenOf(bytes, childrenOf(bytes, readElement(bytes))[0]);
    const first = tbs[0].tag === 0xa0 ? 1 : 0; // [0] version, absent for v1
    const [serial, , issuer] = tbs.slice(first, first + 3);
    der = encodeElement(
      0x30,
      Buffer.concat([bytes.subarray(issuer.start, issuer.end), bytes.subarray(serial.start, serial.end)]),
    );
    issuerAndSerialDer.set(certificate, der);
  }
  return der;
}

/**
 * The signed attributes of a CAdES baseline signature: content type, message digest and
 * signing-certificate-v2. No signing-time: PAdES puts the claimed time in the signature dictionary.
 * Returned as the DER SET OF that the signature covers.
 */
export function signedAttributes(contentType: string, digest: Uint8Array, signer: Certificate): Buffer {
  return encodeSetOf([
    attribute(OID.contentType, encodeObjectIdentifier(contentType)),
    attribute(OID.messageDigest, encodeElement(0x04, digest)),
    attribute(OID.signingCertificateV2, signingCertificateAttributeValue(signer)),
  ]);
}

export interface SignerInfoParts {
  signer: Certificate;
  chain: Certificate[];
  contentType: string;
  /** eContent for an encapsulated signature (a TSTInfo); absent for a detached one (PAdES). */
  content?: Uint8Array;
  /** The DER SET OF signed attributes, as signed. */
  signedAttributes: Buffer;
  signatureAlgorithm: string;
  signatureValue: Uint8Array;
  /** A time-stamp token whose requester did not ask for certificates carries none (RFC 3161). */
  withoutCertificates?: boolean;
  /** Encoded unsigned attributes (a signature time-stamp). */
  unsignedAttributes?: Buffer[];
}

/** Assembles a CMS ContentInfo(SignedData) from a signature value made over the signed attributes. */
export function assembleSignedData(parts: SignerInfoParts): Buffer {
  const signedAttributesImplicit = Buffer.from(parts.signedAttributes);
  signedAttributesImplicit[0] = 0xa0; // SET OF → [0] IMPLICIT
  const signerInfo = encodeElement(
    0x30,
    Buffer.concat([
      encodeInteger(1),
      issuerAndSerialNumber(parts.signer),
      algorithm(OID.sha256),
      signedAttributesImplicit,
      algorithm(parts.signatureAlgorithm, parts.signatureAlgorithm === OID.sha256WithRsa),
      encodeElement(0x04, parts.signatureValue),
      ...(parts.unsignedAttributes?.length ? [encodeElement(0xa1, Buffer.concat(parts.unsignedAttributes))] : []),
    ]),
  );
  const encapsulated = encodeElement(
    0x30,
    Buffer.concat([
      encodeObjectIdentifier(parts.contentType),
      ...(parts.content ? [encodeElement(0xa0, encodeElement(0x04, parts.content))] : []),
    ]),
  );
  // RFC 5652: version 3 when eContentType is not id-data (a TSTInfo), 1 otherwise.
  const version = parts.contentType === OID.data ? 1 : 3;
  const signedData = encodeElement(
    0x30,
    Buffer.concat([
      encodeInteger(version),
      encodeElement(0x31, algorithm(OID.sha256)),
      encapsulated,
      // [0] IMPLICIT SET OF: DER orders the elements by their encodings.
      ...(parts.withoutCertificates
        ? []
        : [
            encodeElement(
              0xa0,
              Buffer.concat([parts.signer, ...parts.chain].map((certificate) => certificate.der).sort(Buffer.compare)),
            ),
          ]),
      encodeElement(0x31, signerInfo),
    ]),
  );
  return encodeElement(0x30, Buffer.concat([encodeObjectIdentifier(OID.signedData), encodeElement(0xa0, signedData)]));
}

/** Signs the DER of the signed attributes with a key held here (not on a device). */
export function signWithKey(signedAttributesDer: Uint8Array, key: KeyObject): Buffer {
  return sign('sha256', signedAttributesDer, key);
}

export function signatureTimeStampAttribute(token: Uint8Array): Buffer {
  return attribute(OID.signatureTimeStampToken, token);
}
