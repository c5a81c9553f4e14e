import { PadesError } from './errors';
import { AsnConvert } from '@peculiar/asn1-schema';
import * as asn1 from '@peculiar/asn1-x509';
import { createHash, X509Certificate } from 'node:crypto';

// Document signing (RFC 9336), email protection, any usage, Adobe's and Microsoft's document signing.
const DOCUMENT_SIGNING_USAGES = new Set([
  '1.3.6.1.5.5.7.3.36',
  '1.3.6.1.5.5.7.3.4',
  '2.5.29.37.0',
  '1.2.840.113583.1.1.5',
  '1.3.6.1.4.1.311.10.3.12',
]);

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/g;

/** Thrown when bytes or text that should hold certificates do not. */
export class CertificateFormatError extends PadesError {}

/**
 * An X.509 certificate with what signing and validation ask of it. Node's X509Certificate checks
 * signatures and issuance natively; the ASN.1 form gives key usage and the structures CMS embeds.
 */
export class Certificate {
  readonly native: X509Certificate;
  readonly asn: asn1.Certificate;
  readonly fingerprint: string;

  private constructor(readonly der: Buffer) {
    try {
      this.native = new X509Certificate(der);
      this.asn = AsnConvert.parse(der, asn1.Certificate);
    } catch {
      throw new CertificateFormatError('not a DER X.509 certificate');
    }
    this.fingerprint = createHash('sha256').update(der).digest('hex');
  }

  static fromDer(der: Uint8Array): Certificate {
    return new Certificate(Buffer.from(der));
  }

  /** Every certificate of a PEM text, in order; a text without one is an error. */
  static parsePemChain(pem: string): Certificate[] {
    const blocks = [...pem.matchAll(PEM_BLOCK)].map((match) => Buffer.from(match[1].replace(/\s+/g, ''), 'base64'));
    if (blocks.length === 0) throw new CertificateFormatError('no PEM certificate found');
    return blocks.map((der) => Certificate.fromDer(der));
  }

  get pem(): string {
    return this.native.toString();
  }

  get subject(): string {
    return this.native.subject.replace(/\n/g, ', ');
  }

  get commonName(): string {
    return /(?:^|\n)CN=([^\n]+)/.exec(this.native.subject)?.[1] ?? this.subject;
  }

  get issuer(): string {
    return this.native.issuer.replace(/\n/g, ', ');
  }

  /** Upper-case hexadecimal, without leading zero octets, as CRLs and registries compare it. */
  get serialNumber(): string {
    return this.native.serialNumber.replace(/^(00)+(?=.)/, '').toUpperCase();
  }

  get notBefore(): Date {
    return this.asn.tbsCertificate.validity.notBefore.getTime();
  }

  get notAfter(): Date {
    return this.asn.tbsCertificate.validity.notAfter.getTime();
  }

  isValidAt(instant: Date): boolean {
    return this.notBefore <= instant && instant <= this.notAfter;
  }

  get isCa(): boolean {
    const constraints = this.extension(asn1.id_ce_basicConstraints, asn1.BasicConstraints);
    return constraints?.cA ?? false;
  }

  private get keyUsage(): asn1.KeyUsage | undefined {
    return this.extension(asn1.id_ce_keyUsage, asn1.KeyUsage);
  }

  /**
   * May sign documents: digitalSignature or nonRepudiation (contentCommitment), or no key usage at
   * all; and, when it lists extended key usages, one meant for signing documents or email.
   */
  get mayCreateSignatures(): boolean {
    const usage = this.keyUsage;
    const keyUsageOk =
      !usage || (usage.toNumber() & (asn1.KeyUsageFlags.digitalSignature | asn1.KeyUsageFlags.nonRepudiation)) !== 0;
    const extended = this.extendedKeyUsages;
    return keyUsageOk && (extended.length === 0 || extended.some((oid) => DOCUMENT_SIGNING_USAGES.has(oid)));
  }

  get maySignCertificates(): boolean {
    const usage = this.keyUsage;
    return this.isCa && (!usage || (usage.toNumber() & asn1.KeyUsageFlags.keyCertSign) !== 0);
  }

  get maySignCrls(): boolean {
    const usage = this.keyUsage;
    return !usage || (usage.toNumber() & asn1.KeyUsageFlags.cRLSign) !== 0;
  }

  get extendedKeyUsages(): string[] {
    return this.extension(asn1.id_ce_extKeyUsage, asn1.ExtendedKeyUsage) ?? [];
  }

  /** True when `issuer` issued this certificate and its signature checks out. */
  isIssuedBy(issuer: Certificate): boolean {
    return this.native.checkIssued(issuer.native) && this.native.verify(issuer.native.publicKey);
  }

  get isSelfIssued(): boolean {
    return this.native.subject === this.native.issuer;
  }

  private extension<T>(oid: string, type: new () => T): T | undefined {
    const found = this.asn.tbsCertificate.extensions?.find((extension) => extension.extnID === oid);
    return found ? AsnConvert.parse(found.extnValue, type) : undefined;
  }
}

export function pemOf(certificates: Certificate[]): string {
  return certificates.map((certificate) => certificate.pem).join('');
}
