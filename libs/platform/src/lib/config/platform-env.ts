import { Transform } from 'class-transformer';
import { IsBoolean, IsEmpty, IsIn, IsInt, IsString, Matches, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import { DEFAULT_CLOCK_KEY } from '../clock/simulated-clock-store';

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

  /** Browser origins allowed to call the API across origins (the web application's, if it is served elsewhere). */
  @Transform(toList)
  @Matches(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, { each: true, message: 'must be a comma-separated list of origins such as https://motcua.hue.gov.vn' })
  CORS_ORIGINS: string[] = [];

  /** Tokens must carry `exp` and `iat`, and live at most this long (12 h: a working day and some). */
  @IsInt()
  @Min(60)
  @Max(7 * 86_400)
  AUTH_MAX_TOKEN_LIFETIME_SECONDS = 43_200;

  /** How far the identity provider's clock may be from the service's when `exp`, `nbf` and `iat` are checked. */
  @IsInt()
  @Min(0)
  @Max(300)
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
}
