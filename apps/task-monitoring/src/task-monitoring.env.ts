import { PlatformEnv } from '@onestop/platform';
import { Type } from 'class-transformer';
import { IsInt, Max, Min, ValidateBy } from 'class-validator';

/** A setting checked against the others of the service. */
function Holds(rule: (env: TaskMonitoringEnv) => boolean, message: string) {
  return ValidateBy({
    name: 'holds',
    validator: { validate: (_value, args) => rule(args!.object as TaskMonitoringEnv), defaultMessage: () => message },
  });
}

/** The task-monitoring service's settings: the platform's, plus when deadlines warn and escalate. */
export class TaskMonitoringEnv extends PlatformEnv {
  /** DossierDueSoon fires this much working time before the deadline (one working day). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  DUE_SOON_WORKING_MINUTES = 8 * 60;

  /** Working time overdue after which a dossier goes to its unit's leader. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  ESCALATE_TO_UNIT_LEADER_WORKING_MINUTES = 4 * 60;

  /** Working time overdue after which a dossier goes to the province level. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Holds(
    (env) => env.ESCALATE_TO_PROVINCE_WORKING_MINUTES > env.ESCALATE_TO_UNIT_LEADER_WORKING_MINUTES,
    'must be more than ESCALATE_TO_UNIT_LEADER_WORKING_MINUTES: the province comes after the unit leader',
  )
  ESCALATE_TO_PROVINCE_WORKING_MINUTES = 3 * 8 * 60;

  /** Shares of a dossier's processing time for acceptance by the unit and for approval and signature; processing gets the rest. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  STEP_ACCEPTANCE_PERCENT = 10;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  @Holds(
    (env) => env.STEP_ACCEPTANCE_PERCENT + env.STEP_SIGNATURE_PERCENT <= 90,
    'with STEP_ACCEPTANCE_PERCENT must leave processing at least 10 %',
  )
  STEP_SIGNATURE_PERCENT = 20;

  /** Due clocks claimed per transaction of the scan. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50_000)
  DEADLINE_SCAN_BATCH = 2_000;

  /** How often the scan looks for clocks that fell due. */
  @Type(() => Number)
  @IsInt()
  @Min(50)
  DEADLINE_SCAN_INTERVAL_MS = 1_000;

  /** A commune's task is at risk when its progress trails the elapsed share of the time by more than this many points. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  TASK_AT_RISK_GAP_PERCENT = 20;
}
