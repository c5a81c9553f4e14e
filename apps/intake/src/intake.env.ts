import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, Min, ValidateIf } from 'class-validator';
import { developmentKeyring, EventDataEnv, IsKeyring, Keyring, parseKeyring } from '@onestop/platform';

/** Intake's settings: the platform's, plus the keys that protect citizen ID numbers. */
export class IntakeEnv extends EventDataEnv {
  /**
   * AES-256-GCM keys (32 bytes, base64) for citizen ID numbers at rest: `v2:<key>,v1:<key>`, the
   * first encrypts, every one decrypts; a lone key is `v1`. Required in production.
   */
  @ValidateIf((env: IntakeEnv) => env.NODE_ENV === 'production' || env.PERSONAL_DATA_KEY !== undefined)
  @IsNotEmpty({ message: 'is required in production' })
  @IsKeyring('base64-key')
  PERSONAL_DATA_KEY?: string;

  /** HMAC keys (same form) of the blind index that finds a dossier by citizen ID number. */
  @ValidateIf((env: IntakeEnv) => env.NODE_ENV === 'production' || env.BLIND_INDEX_KEY !== undefined)
  @IsNotEmpty({ message: 'is required in production' })
  @IsKeyring('base64-key')
  BLIND_INDEX_KEY?: string;

  /** Online queue numbers one client address may take at one unit in a day (docs/operations.md, "Queue numbers"). */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  ONLINE_TICKETS_PER_ADDRESS = 2;

  /** Online queue numbers a unit gives out in a day; the rest of the day is the kiosk's. */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  ONLINE_TICKETS_PER_UNIT = 150;

  get personalDataKeys(): Keyring {
    return this.PERSONAL_DATA_KEY
      ? parseKeyring(this.PERSONAL_DATA_KEY, 'base64-key')
      : developmentKeyring('personal-data');
  }

  get blindIndexKeys(): Keyring {
    return this.BLIND_INDEX_KEY ? parseKeyring(this.BLIND_INDEX_KEY, 'base64-key') : developmentKeyring('blind-index');
  }
}
