import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmpty,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { accessSync, constants } from 'node:fs';
import { DEVELOPMENT_ISSUER } from '../auth/development-key';
import { DEFAULT_CLOCK_KEY } from '../clock/simulated-clock-store';
import { IsKeyring } from '../crypto/keyring';
import { IsDurationSetting, IsTrustProxySetting } from '../throttling/throttling-settings';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

// Implicit conversion alone would read the string "false" as true.
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Simulated time would let deadlines be moved on real dossiers, so production must ask for it by name. */
const simulationAllowedHere = ValidateBy({
  name: 'simulationAllowedHere',
  validator: {
    validate: (clock: unknown, args) => {
      const env = args!.object as PlatformEnv;
      return clock !== 'simulated' || env.NODE_ENV !== 'production' || env.CLOCK_SIMULATION_ALLOWED === true;
    },
    defaultMessage: () => 'simulated time is refused in production unless CLOCK_SIMULATION_ALLOWED=true',
  },
});

const readableFile = ValidateBy({
  name: 'readableFile',
  validator: {
    validate: (path: unknown) => {
      try {
        accessSync(String(path), constants.R_OK);
        return true;
      } catch {
        return false;
      }
    },
    defaultMessage: () => 'must name a file this process can read',
  },
});

const saslCredentialSet = (env: PlatformEnv) =>
  env.KAFKA_SASL_USERNAME !== undefined ||
  env.KAFKA_SASL_PASSWORD !== undefined ||
  env.KAFKA_SASL_PASSWORD_FILE !== undefined;
const saslPasswordGiven = (env: PlatformEnv) =>
  env.KAFKA_SASL_PASSWORD !== undefined || env.KAFKA_SASL_PASSWORD_FILE !== undefined;
const SASL_PASSWORD_MESSAGE =
  'KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE (one of them) must be set with KAFKA_SASL_MECHANISM';

/**
 * Variables every service reads. A service extends this class with its own; `loadConfig`
 * validates the whole set at boot and names every variable that is wrong.
 */
export class PlatformEnv {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsInt({ message: 'must be a port number from 1 to 65535' })
  @Min(1, { message: 'must be a port number from 1 to 65535' })
  @Max(65535, { message: 'must be a port number from 1 to 65535' })
  PORT!: number;

  @Matches(/^postgres(ql)?:\/\/.+\/[A-Za-z0-9_-]+(\?.*)?$/, { message: 'must be a postgres:// URL naming a database' })
  DATABASE_URL!: string;

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  @Transform(toList)
  @Matches(/^[A-Za-z0-9.-]+:\d{1,5}$/, { each: true, message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  /** SASL towards Kafka; unset, the client connects without authenticating (the local broker). */
  @ValidateIf((env: PlatformEnv) => env.KAFKA_SASL_MECHANISM !== undefined || saslCredentialSet(env))
  @IsIn(['scram-sha-512', 'scram-sha-256', 'plain'], {
    message: 'must be scram-sha-512, scram-sha-256 or plain when a SASL user or password is set',
  })
  KAFKA_SASL_MECHANISM?: 'scram-sha-512' | 'scram-sha-256' | 'plain';

  @ValidateIf((env: PlatformEnv) => env.KAFKA_SASL_MECHANISM !== undefined || env.KAFKA_SASL_USERNAME !== undefined)
  @Matches(/^\S+$/, { message: 'must be set with KAFKA_SASL_MECHANISM (the Kafka user)' })
  KAFKA_SASL_USERNAME?: string;

  @ValidateIf(
    (env: PlatformEnv) =>
      (env.KAFKA_SASL_MECHANISM !== undefined && env.KAFKA_SASL_PASSWORD_FILE === undefined) ||
      env.KAFKA_SASL_PASSWORD !== undefined,
  )
  @IsString({ message: SASL_PASSWORD_MESSAGE })
  @ValidateBy({
    name: 'onePassword',
    validator: {
      validate: (_value, args) => (args!.object as PlatformEnv).KAFKA_SASL_PASSWORD_FILE === undefined,
      defaultMessage: () => 'and KAFKA_SASL_PASSWORD_FILE are both set; keep one',
    },
  })
  KAFKA_SASL_PASSWORD?: string;

  /** A file holding the password (a mounted Secret): re-read at each connection, so a rotated password is taken up. */
  @ValidateIf(
    (env: PlatformEnv) =>
      env.KAFKA_SASL_PASSWORD_FILE !== undefined || (env.KAFKA_SASL_MECHANISM !== undefined && !saslPasswordGiven(env)),
  )
  @IsString({ message: SASL_PASSWORD_MESSAGE })
  @readableFile
  KAFKA_SASL_PASSWORD_FILE?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  KAFKA_TLS = false;

  /** The CA that signed the brokers' certificates (Strimzi's cluster CA); unset, the system's CAs. */
  @ValidateIf((env: PlatformEnv) => env.KAFKA_TLS_CA_FILE !== undefined)
  @ValidateBy({
    name: 'withTls',
    validator: {
      validate: (_value, args) => (args!.object as PlatformEnv).KAFKA_TLS === true,
      defaultMessage: () => 'is set but KAFKA_TLS is not true',
    },
  })
  @readableFile
  KAFKA_TLS_CA_FILE?: string;

  /** Kafka replication factor for the topics this service creates (3 on a production cluster). */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  KAFKA_REPLICATION_FACTOR = 1;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** The province identity provider's JWKS endpoint (OIDC). Required in production. */
  @ValidateIf((env: PlatformEnv) => env.NODE_ENV === 'production' || env.AUTH_JWKS_URL !== undefined)
  @Matches(/^https?:\/\/.+/, { message: 'must be an http(s) URL; production verifies tokens against the JWKS' })
  AUTH_JWKS_URL?: string;

  @IsString()
  AUTH_ISSUER = DEVELOPMENT_ISSUER;

  @IsString()
  AUTH_AUDIENCE = 'onestop';

  /**
   * Development key pair (JSON file): the only key when no JWKS URL is set; named beside a JWKS URL
   * (a local Keycloak), its tokens, issued as DEVELOPMENT_ISSUER, are accepted too. Refused in production.
   */
  @ValidateIf((env: PlatformEnv) => env.NODE_ENV === 'production')
  @IsEmpty({ message: 'must not be set in production: tokens are verified against AUTH_JWKS_URL' })
  AUTH_DEV_KEY_FILE?: string;

  /** Claim names, so a Keycloak realm's token layout can be used as it is. */
  @IsString()
  AUTH_ROLES_CLAIM = 'roles';

  @IsString()
  AUTH_UNIT_CLAIM = 'unit_code';

  @IsString()
  AUTH_PROVINCE_CLAIM = 'province_code';

  /** Browser origins allowed to call the API across origins (the web application's, if it is served elsewhere). */
  @Transform(toList)
  @Matches(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, {
    each: true,
    message: 'must be a comma-separated list of origins such as https://motcua.hue.gov.vn',
  })
  CORS_ORIGINS: string[] = [];

  /** Tokens must carry `exp` and `iat`, and live at most this long (12 h: a working day and some). */
  @IsInt()
  @Min(60)
  @Max(7 * 86_400)
  @Type(() => Number)
  AUTH_MAX_TOKEN_LIFETIME_SECONDS = 43_200;

  /** How far the identity provider's clock may be from the service's when `exp`, `nbf` and `iat` are checked. */
  @IsInt()
  @Min(0)
  @Max(300)
  @Type(() => Number)
  AUTH_CLOCK_SKEW_SECONDS = 30;

  /** The service's consumer group; its name by default. A second deployment on one cluster sets its own. */
  @ValidateIf((env: PlatformEnv) => env.KAFKA_GROUP_ID !== undefined)
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { message: 'must be a Kafka consumer group name (letters, digits, . _ -)' })
  KAFKA_GROUP_ID?: string;

  /** Events a new consumer group starts from: `earliest` replays what Kafka keeps. */
  @IsIn(['earliest', 'latest'])
  KAFKA_CONSUMER_START: 'earliest' | 'latest' = 'earliest';

  @IsInt()
  @Min(1)
  @Max(20)
  @Type(() => Number)
  EVENT_MAX_ATTEMPTS = 5;

  /** `simulated`: the service takes its time from the simulated clock shared through Redis, which `npm run clock` moves. */
  @IsIn(['system', 'simulated'])
  @simulationAllowedHere
  CLOCK: 'system' | 'simulated' = 'system';

  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  CLOCK_SIMULATION_ALLOWED = false;

  /** The Redis key of the shared simulated time; a second simulation on one Redis uses its own. */
  @Matches(/^[A-Za-z0-9:._-]{1,200}$/, { message: 'must be a Redis key of letters, digits and : . _ -' })
  CLOCK_KEY = DEFAULT_CLOCK_KEY;

  // Request limits (libs/platform/src/lib/throttling, docs/adr/0011-rate-limits-and-look-up-locks.md).

  /** Requests a minute one account (token subject) may make to this service before 429. */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  API_RATE_LIMIT_PER_MINUTE = 600;

  /** Requests a minute one client address (an IPv6 /64) may make to this service, with a token or without. */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE = 3_000;

  /**
   * Whose X-Forwarded-For to believe for the client address: `false` (the default: the peer's own
   * address), a number of hops (`1` behind the Ingress when only it can reach the pods), or the
   * proxies' CIDRs. Never every proxy.
   */
  @IsTrustProxySetting()
  TRUST_PROXY = 'false';

  /** Where the counters and locks live in the shared Redis; a second deployment on one Redis sets its own. */
  @Matches(/^[A-Za-z0-9:._-]{1,200}$/, { message: 'must be a Redis key prefix of letters, digits and : . _ -' })
  RATE_LIMIT_KEY_PREFIX = 'onestop:ratelimit';

  /** Wrong guesses at one code's public look-up (from anywhere) within the window that lock it. */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  LOOKUP_MAX_WRONG_TRIES = 5;

  /** Wrong guesses from one address (at any code) within the window that lock the address out of the look-up. */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  LOOKUP_MAX_WRONG_TRIES_PER_ADDRESS = 20;

  @IsDurationSetting()
  LOOKUP_WRONG_TRY_WINDOW = '15m';

  /** How long a locked look-up answers 429 to everyone, right digits included. */
  @IsDurationSetting()
  LOOKUP_LOCK = '1h';
}

/**
 * The settings of a service that seals or opens personal data in events (intake, routing,
 * notification, digital-signature); reporting and task monitoring have no such setting.
 */
export class EventDataEnv extends PlatformEnv {
  /** The keyring (`id:key,id:key`, the first seals, all open); outside production a development key stands in. */
  @ValidateIf((env: EventDataEnv) => env.NODE_ENV === 'production' || env.EVENT_DATA_KEYS !== undefined)
  @IsNotEmpty({ message: 'is required in production' })
  @IsKeyring('base64-key')
  EVENT_DATA_KEYS?: string;
}
