import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, ValidateBy, ValidateIf } from 'class-validator';
import { EventDataEnv, IsKeyring, Keyring, keyringProblem, parseKeyring } from '@onestop/platform';

/** The development secret: refused in production, where the secret comes from a Secret object. */
export const DEVELOPMENT_KEY_SECRET = 'onestop-development-only-key-secret';

/** A check of each passphrase of a well-formed ring (a malformed one is IsKeyring's to report). */
function EveryPassphrase(name: string, check: (passphrase: string) => boolean, message: string): PropertyDecorator {
  return ValidateBy({
    name,
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'string' ||
        keyringProblem(value, 'passphrase') !== undefined ||
        parseKeyring(value, 'passphrase').keys.every((key) => check(key.secret.toString('utf8'))),
      defaultMessage: () => message,
    },
  });
}

/** The digital-signature service's settings: the platform's, plus its PKI and time-stamping. */
export class DigitalSignatureEnv extends EventDataEnv {
  /**
   * A directory of PEM files: trust-anchors.pem; tsa.pem and tsa-key.pem (the development TSA);
   * crl-issuer.pem and crl-issuer-key.pem (the CA whose CRL the service publishes). `npm run pki:dev`
   * writes one; production mounts it from a Secret.
   */
  @IsString()
  PKI_DIR = '.data/pki';

  /**
   * Passphrases of the encrypted PKCS#8 keys of the PKI directory and of officials' server-side
   * keys: `v2:<passphrase>,v1:<passphrase>`, the first encrypts, every one decrypts; a lone
   * passphrase is `v1`. Required in production.
   */
  @ValidateIf((env: DigitalSignatureEnv) => env.NODE_ENV === 'production' || env.KEY_ENCRYPTION_SECRET !== undefined)
  @IsNotEmpty({ message: 'is required in production' })
  @IsKeyring('passphrase')
  @EveryPassphrase(
    'passphraseLength',
    (passphrase) => passphrase.length >= 24,
    'each passphrase must be at least 24 characters (openssl rand -base64 32)',
  )
  @EveryPassphrase(
    'notDevelopmentSecret',
    (passphrase) => passphrase !== DEVELOPMENT_KEY_SECRET,
    'must not hold the development secret',
  )
  KEY_ENCRYPTION_SECRET?: string;

  /** An external RFC 3161 time-stamping authority; without it the service's own TSA stamps. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  TSA_URL?: string;

  /**
   * Where citizens reach the web application (its origin, as a phone opens it): a signed result's
   * QR code leads to its verification page there, /xac-minh/<code>.
   */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  PUBLIC_WEB_URL = 'http://localhost:3000';

  /** The page a signed result's QR code opens: who signed it, when, and whether it is intact and trusted. */
  verificationPageOf(dossierCode: string): string {
    return `${this.PUBLIC_WEB_URL.replace(/\/$/, '')}/xac-minh/${encodeURIComponent(dossierCode)}`;
  }

  /** The level of the results' signatures: B-T (with a time-stamp) unless there is no TSA at all. */
  @IsIn(['B-B', 'B-T'])
  RESULT_SIGNATURE_LEVEL: 'B-B' | 'B-T' = 'B-T';

  /** Outside production without a setting, the development secret as key `v1`. */
  get keyEncryptionKeys(): Keyring {
    return parseKeyring(this.KEY_ENCRYPTION_SECRET ?? DEVELOPMENT_KEY_SECRET, 'passphrase');
  }
}
