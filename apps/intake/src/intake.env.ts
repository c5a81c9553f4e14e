import { IsNotEmpty, Matches, ValidateIf } from 'class-validator';
import { EventDataEnv } from '@onestop/platform';

const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;

/** Intake's settings: the platform's, plus the keys that protect citizen ID numbers. */
export class IntakeEnv extends EventDataEnv {
  /** AES-256-GCM key (32 bytes, base64) for citizen ID numbers at rest. Required in production. */
  @ValidateIf((env: IntakeEnv) => env.NODE_ENV === 'production' || env.PERSONAL_DATA_KEY !== undefined)
  @IsNotEmpty({ message: 'is required in production' })
  @Matches(BASE64_KEY, { message: 'must be 32 random bytes in base64 (openssl rand -base64 32)' })
  PERSONAL_DATA_KEY?: string;

  /** HMAC key (32 bytes, base64) of the blind index that finds a dossier by citizen ID number. */
  @ValidateIf((env: IntakeEnv) => env.NODE_ENV === 'production' || env.BLIND_INDEX_KEY !== undefined)
  @IsNotEmpty({ message: 'is required in production' })
  @Matches(BASE64_KEY, { message: 'must be 32 random bytes in base64 (openssl rand -base64 32)' })
  BLIND_INDEX_KEY?: string;
}
