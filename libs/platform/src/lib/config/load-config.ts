import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';

/** Raised when the environment is wrong; its message names each variable and what it must be. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const SECRET_NAME = /(SECRET|PASSWORD|KEY|TOKEN|URL)/;

function describe(error: ValidationError, raw: Record<string, unknown>): string {
  const messages = Object.values(error.constraints ?? {}).map((message) =>
    // class-validator starts each message with the property name; we state it once.
    message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
  );
  const given = raw[error.property];
  const shown = SECRET_NAME.test(error.property) || given === undefined ? '' : ` (got ${JSON.stringify(given)})`;
  return `${error.property}: ${[...new Set(messages)].join('; ')}${shown}`;
}

/**
 * Reads and validates the environment into a typed settings object.
 * `defaults` fill what the environment leaves out (e.g. the service's own port and database).
 */
export function loadConfig<T extends object>(
  envClass: new () => T,
  source: NodeJS.ProcessEnv = process.env,
  defaults: Record<string, string> = {},
): T {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const raw = { ...defaults, ...present };
  const config = plainToInstance(envClass, raw, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) throw new ConfigError(errors.map((error) => describe(error, raw)));
  return config;
}

/** What loadConfig would refuse in `source`, one line a variable; none when it is valid. */
export function configProblems<T extends object>(
  envClass: new () => T,
  source: NodeJS.ProcessEnv,
  defaults: Record<string, string> = {},
): string[] {
  try {
    loadConfig(envClass, source, defaults);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}
