import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, MinLength, NotEquals, ValidateIf } from 'class-validator';
import { EventDataEnv } from '@onestop/platform';

/** The development secret: refused in production, where the secret comes from a Secret object. */
export const DEVELOPMENT_KEY_SECRET = 'onestop-development-only-key-secret';

/** The digital-signature service's settings: the platform's, plus its PKI and time-stamping. */
export class DigitalSignatureEnv extends EventDataEnv {
  /**
   * A directory of PEM files: trust-anchors.pem; tsa.pem and tsa-key.pem (the development TSA);
   * crl-issuer.pem and crl-issuer-key.pem (the CA whose CRL the service publishes). `npm run pki:dev`
   * writes one; production mounts it from a Secret.
   */
  @IsString()
  PKI_DIR = '.data/pki';

  /** Opens the encrypted PKCS#8 keys of the PKI directory and of officials' server-side keys. */
  @ValidateIf((env: DigitalSignatureEnv) => env.NODE_ENV === 'production' || env.KEY_ENCRYPTION_SECRET !== undefined)
  @IsNotEmpty({ message: 'is required in production' })
  @MinLength(24, { message: 'must be at least 24 characters (openssl rand -base64 32)' })
  @NotEquals(DEVELOPMENT_KEY_SECRET, { message: 'must not be the development secret' })
  KEY_ENCRYPTION_SECRET?: string;

  /** An external RFC 3161 time-stamping authority; without it the service's own TSA stamps. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  TSA_URL?: string;

  /** Where citizens reach the public verification page; the result's QR code points there. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] }, { message: 'must be an http(s) URL' })
  PUBLIC_BASE_URL = 'http://localhost:3003';

  /** The level of the results' signatures: B-T (with a time-stamp) unless there is no TSA at all. */
  @IsIn(['B-B', 'B-T'])
  RESULT_SIGNATURE_LEVEL: 'B-B' | 'B-T' = 'B-T';

  get keySecret(): string {
    return this.KEY_ENCRYPTION_SECRET ?? DEVELOPMENT_KEY_SECRET;
  }
}
