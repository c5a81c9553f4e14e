import { ConfigError, loadConfig } from '@onestop/platform';
import { TaskMonitoringEnv } from './task-monitoring.env';

const BASE = { PORT: '3006', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/onestop_task_monitoring' };

describe('task-monitoring settings', () => {
  it('defaults to a one-day warning, the unit leader after 4 working hours and the province after 3 days', () => {
    const env = loadConfig(TaskMonitoringEnv, BASE);
    expect([
      env.DUE_SOON_WORKING_MINUTES,
      env.ESCALATE_TO_UNIT_LEADER_WORKING_MINUTES,
      env.ESCALATE_TO_PROVINCE_WORKING_MINUTES,
    ]).toEqual([480, 240, 1440]);
  });

  it('refuses escalation levels out of order and step shares that leave processing no time, naming the setting', () => {
    const load = () =>
      loadConfig(TaskMonitoringEnv, {
        ...BASE,
        ESCALATE_TO_PROVINCE_WORKING_MINUTES: '120',
        STEP_ACCEPTANCE_PERCENT: '50',
        STEP_SIGNATURE_PERCENT: '45',
      });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/ESCALATE_TO_PROVINCE_WORKING_MINUTES.*unit leader/);
    expect(load).toThrow(/STEP_SIGNATURE_PERCENT.*processing/);
  });
});
