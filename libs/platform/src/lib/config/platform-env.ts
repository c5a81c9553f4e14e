import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEmpty, IsIn, IsInt, IsString, Matches, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import { DEFAULT_CLOCK_KEY } from '../clock/simulated-clock-store';
import { IsDurationSetting, IsTrustProxySetting } from '../throttling/throttling-settings';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : value;

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

  /** Kafka replication factor for the topics this service creates (3 on a production cluster). */
  @IsInt()
  @Min(1)
  KAFKA_REPLICATION_FACTOR = 1;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** The province identity provider's JWKS endpoint (OIDC). Required in production. */
  @ValidateIf((env: PlatformEnv) => env.NODE_ENV === 'production' || env.AUTH_JWKS_URL !== undefined)
  @Matches(/^https?:\/\/.+/, { message: 'must be an http(s) URL; production verifies tokens against the JWKS' })
  AUTH_JWKS_URL?: string;

  @IsString()
  AUTH_ISSUER = 'onestop-development';

  @IsString()
  AUTH_AUDIENCE = 'onestop';

  /** Development key pair (JSON file) used when no JWKS URL is set; refused in production. */
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
