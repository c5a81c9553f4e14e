import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createPublicKey, generateKeyPairSync, KeyObject, randomBytes, webcrypto } from 'node:crypto';
import { Certificate } from './certificate';
import { toWebCryptoKey } from './keys';
import { OID } from './oids';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

/** A certificate with its private key. */
export interface KeyedCertificate {
  certificate: Certificate;
  privateKey: KeyObject;
}

export interface CertificateRequest {
  subject: string;
  issuer?: KeyedCertificate;
  privateKey?: KeyObject;
  notBefore: Date;
  notAfter: Date;
  kind: 'ca' | 'signer' | 'tsa';
  /** Where relying parties fetch the issuer's CRL. */
  crlUrl?: string;
}

const DAY = 86_400_000;

export function newRsaKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f; // positive, as RFC 5280 requires
  return bytes.toString('hex');
}

function extensionsFor(kind: CertificateRequest['kind'], crlUrl?: string): x509.Extension[] {
  const usage = x509.KeyUsageFlags;
  const extensions: x509.Extension[] = [];
  if (kind === 'ca') {
    extensions.push(new x509.BasicConstraintsExtension(true, undefined, true));
    extensions.push(new x509.KeyUsagesExtension(usage.keyCertSign | usage.cRLSign, true));
  } else {
    extensions.push(new x509.BasicConstraintsExtension(false, undefined, true));
    extensions.push(
      new x509.KeyUsagesExtension(
        kind === 'tsa' ? usage.digitalSignature : usage.digitalSignature | usage.nonRepudiation,
        true,
      ),
    );
    // RFC 3161: a TSA certificate carries exactly one, critical, extended key usage. Signers get
    // document signing (RFC 9336) and email protection, which NSS-based verifiers (poppler) require.
    extensions.push(
      new x509.ExtendedKeyUsageExtension(
        kind === 'tsa' ? [OID.timeStamping] : [OID.documentSigning, OID.emailProtection],
        kind === 'tsa',
      ),
    );
  }
  if (crlUrl) extensions.push(new x509.CRLDistributionPointsExtension([crlUrl]));
  return extensions;
}

/** Issues a certificate (self-signed without an issuer) with the extensions its kind needs. */
export async function issueCertificate(request: CertificateRequest): Promise<KeyedCertificate> {
  const privateKey = request.privateKey ?? newRsaKey();
  const publicKey = await toWebCryptoKey(createPublicKey(privateKey));
  const signer = request.issuer ?? { certificate: null, privateKey };
  const signingKey = await toWebCryptoKey(signer.privateKey);
  const issuerPublicKey = request.issuer
    ? await toWebCryptoKey(request.issuer.certificate.native.publicKey)
    : publicKey;
  const extensions = [
    ...extensionsFor(request.kind, request.crlUrl),
    await x509.SubjectKeyIdentifierExtension.create(publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(issuerPublicKey),
  ];
  const generated = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: request.subject,
    issuer: request.issuer ? new x509.Name(request.issuer.certificate.asn.tbsCertificate.subject) : request.subject,
    notBefore: request.notBefore,
    notAfter: request.notAfter,
    publicKey,
    signingKey,
    signingAlgorithm: signingKey.algorithm,
    extensions,
  });
  return { certificate: Certificate.fromDer(new Uint8Array(generated.rawData)), privateKey };
}

export interface DevPki {
  root: KeyedCertificate;
  issuing: KeyedCertificate;
  tsa: KeyedCertificate;
  officers: Map<string, KeyedCertificate>;
}

export interface DevPkiOptions {
  /** Officer subjects (e.g. the seed's user ids) to issue signing certificates for. */
  officers: { id: string; name: string; unitCode: string }[];
  now?: Date;
  crlUrl?: string;
}

const ORGANISATION = 'C=VN, O=OneStop development PKI';

/** An official's document-signing certificate (two years) from the development issuing CA. */
export function issueOfficerCertificate(
  issuer: KeyedCertificate,
  officer: { id: string; name: string; unitCode: string },
  options: { now?: Date; crlUrl?: string } = {},
): Promise<KeyedCertificate> {
  const now = options.now ?? new Date();
  // The user id as the LDAP uid attribute, so the certificate names the account it is bound to.
  const subject = `${ORGANISATION}, OU=${officer.unitCode}, 0.9.2342.19200300.100.1.1=${officer.id}, CN=${officer.name}`;
  return issueCertificate({
    subject,
    issuer,
    kind: 'signer',
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 730 * DAY),
    crlUrl: options.crlUrl,
  });
}

/**
 * A development PKI shaped like the production one: a root CA, an issuing CA that signs officials'
 * certificates and the CRL, officials' document-signing certificates, and a time-stamping unit.
 */
export async function createDevPki(options: DevPkiOptions): Promise<DevPki> {
  const now = options.now ?? new Date();
  const from = new Date(now.getTime() - DAY);
  // Written most significant first: the encoding keeps the order given.
  const organisation = ORGANISATION;
  const root = await issueCertificate({
    subject: `${organisation}, CN=OneStop Development Root CA`,
    kind: 'ca',
    notBefore: from,
    notAfter: new Date(now.getTime() + 3650 * DAY),
  });
  const issuing = await issueCertificate({
    subject: `${organisation}, CN=OneStop Development Issuing CA`,
    issuer: root,
    kind: 'ca',
    notBefore: from,
    notAfter: new Date(now.getTime() + 1825 * DAY),
  });
  const tsa = await issueCertificate({
    subject: `${organisation}, CN=OneStop Development TSA`,
    issuer: issuing,
    kind: 'tsa',
    notBefore: from,
    notAfter: new Date(now.getTime() + 1825 * DAY),
  });
  const officers = new Map<string, KeyedCertificate>();
  for (const officer of options.officers)
    officers.set(officer.id, await issueOfficerCertificate(issuing, officer, { now, crlUrl: options.crlUrl }));
  return { root, issuing, tsa, officers };
}
