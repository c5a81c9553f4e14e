import { ValidateBy, ValidationOptions } from 'class-validator';
import { parseDuration } from '../clock/duration';
import { trustProxyProblem } from './trust-proxy';

/** The settings of PlatformEnv the limits read (a structural type: platform-env imports this file). */
export interface ThrottlingEnv {
  API_RATE_LIMIT_PER_MINUTE: number;
  API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: number;
  TRUST_PROXY: string;
  RATE_LIMIT_KEY_PREFIX: string;
  LOOKUP_MAX_WRONG_TRIES: number;
  LOOKUP_MAX_WRONG_TRIES_PER_ADDRESS: number;
  LOOKUP_WRONG_TRY_WINDOW: string;
  LOOKUP_LOCK: string;
}

/** What guards a look-up that takes a guess, in numbers. */
export interface WrongTryLimits {
  /** Wrong tries at one code (from anywhere) that lock the code's look-up. */
  perCode: number;
  /** Wrong tries from one address (at any code) that lock that address out of the look-up. */
  perAddress: number;
  /** The tries count within this window, from the first. */
  windowMs: number;
  /** How long a lock lasts. */
  lockMs: number;
}

export function wrongTryLimits(env: ThrottlingEnv): WrongTryLimits {
  return {
    perCode: env.LOOKUP_MAX_WRONG_TRIES,
    perAddress: env.LOOKUP_MAX_WRONG_TRIES_PER_ADDRESS,
    windowMs: parseDuration(env.LOOKUP_WRONG_TRY_WINDOW),
    lockMs: parseDuration(env.LOOKUP_LOCK),
  };
}

/** A duration setting such as `15m`, `1h`, `2s` (at least a second). */
export function IsDurationSetting(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isDurationSetting',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          try {
            return parseDuration(value) >= 1_000;
          } catch {
            return false;
          }
        },
        defaultMessage: () =>
          'must be a duration of at least a second: whole numbers of w, d, h, m, s, largest first (e.g. 15m, 1h, 1h30m)',
      },
    },
    options,
  );
}

/** TRUST_PROXY: off, a number of hops, or the proxies' CIDRs; never every proxy. */
export function IsTrustProxySetting(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isTrustProxySetting',
      validator: {
        validate: (value: unknown) => trustProxyProblem(value) === null,
        defaultMessage: (args) =>
          trustProxyProblem(args?.value) ?? "must be false, a number of hops or the proxies' CIDRs",
      },
    },
    options,
  );
}
