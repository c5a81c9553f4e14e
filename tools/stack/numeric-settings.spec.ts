import { DigitalSignatureEnv } from '@onestop/digital-signature';
import { IntakeEnv } from '@onestop/intake';
import { NotificationEnv } from '@onestop/notification';
import { loadConfig, PlatformEnv } from '@onestop/platform';
import { TaskMonitoringEnv } from '@onestop/task-monitoring';

const REQUIRED = { PORT: '1', DATABASE_URL: 'postgres://unused/unused' };

/**
 * Settings come from the environment as strings. A numeric setting whose class property has no
 * declared type (only an initialiser) converts nothing and is refused at boot: every pod with such
 * a variable set would fail to start. Each numeric setting of every service is read from a string.
 */
describe.each([PlatformEnv, IntakeEnv, DigitalSignatureEnv, NotificationEnv, TaskMonitoringEnv])(
  'the numeric settings of %p',
  (envClass: new () => PlatformEnv) => {
    const numeric = Object.entries(new envClass()).filter(([, value]) => typeof value === 'number');

    it.each(numeric)('%s reads from the environment as a number', (name, value) => {
      const settings = loadConfig(envClass, { ...REQUIRED, [name]: String(value) }) as unknown as Record<
        string,
        unknown
      >;
      expect(settings[name]).toBe(value);
    });
  },
);
