import { TaskMonitoringEnv } from '../task-monitoring.env';
import { ClockSettings } from './deadline-clock';

export function clockSettingsFrom(env: TaskMonitoringEnv): ClockSettings {
  const acceptance = env.STEP_ACCEPTANCE_PERCENT / 100;
  const signature = env.STEP_SIGNATURE_PERCENT / 100;
  return {
    dueSoonMinutes: env.DUE_SOON_WORKING_MINUTES,
    escalateAfterMinutes: {
      'unit-leader': env.ESCALATE_TO_UNIT_LEADER_WORKING_MINUTES,
      province: env.ESCALATE_TO_PROVINCE_WORKING_MINUTES,
    },
    stepShares: { acceptance, processing: 1 - acceptance - signature, signature },
  };
}
