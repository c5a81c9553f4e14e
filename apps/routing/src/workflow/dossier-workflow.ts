import { DOSSIER_ACTIONS, DOSSIER_STATUS, DossierAction, DossierStatusCode, Role } from '@onestop/contracts';

/** Where a dossier is in processing. Several states share a national status code. */
export const STATES = [
  'received',
  'processing',
  'supplement-requested',
  'fees-due',
  'awaiting-signature',
  'done',
  'returned',
  'withdrawn',
  'stopped',
] as const;
export type State = (typeof STATES)[number];

export const STATUS_OF: Record<State, DossierStatusCode> = {
  received: DOSSIER_STATUS.received,
  processing: DOSSIER_STATUS.processing,
  'supplement-requested': DOSSIER_STATUS.supplementRequested,
  'fees-due': DOSSIER_STATUS.feesDue,
  'awaiting-signature': DOSSIER_STATUS.processing,
  done: DOSSIER_STATUS.done,
  returned: DOSSIER_STATUS.returned,
  withdrawn: DOSSIER_STATUS.withdrawn,
  stopped: DOSSIER_STATUS.stopped,
};

export const ACTIONS = DOSSIER_ACTIONS;
export type Action = DossierAction;

/**
 * Who acts: officers of the unit processing the dossier, or the desk that received it (hand-over
 * happens where the citizen handed it in, which is the point of boundary-free intake).
 */
export type Scope = 'processing-unit' | 'processing-unit-or-receiving-desk';

export interface Rule {
  from: readonly State[];
  to: State;
  roles: readonly Role[];
  scope: Scope;
  reasonRequired: boolean;
  /** The deadline clock stops (waiting on the citizen) or runs again, if the procedure says so. */
  clock?: 'pause' | 'resume';
}

const OPEN: readonly State[] = ['received', 'processing', 'supplement-requested', 'fees-due'];

/** The one-stop process after reception (national status codes 2, 4–10). */
export const RULES: Record<Action, Rule> = {
  accept: {
    from: ['received'],
    to: 'processing',
    roles: ['specialist', 'unit-leader'],
    scope: 'processing-unit',
    reasonRequired: false,
  },
  'request-supplement': {
    from: ['processing'],
    to: 'supplement-requested',
    roles: ['specialist', 'unit-leader'],
    scope: 'processing-unit',
    reasonRequired: true,
    clock: 'pause',
  },
  'supplement-received': {
    from: ['supplement-requested'],
    to: 'processing',
    roles: ['desk-officer', 'specialist'],
    scope: 'processing-unit-or-receiving-desk',
    reasonRequired: false,
    clock: 'resume',
  },
  'request-fees': {
    from: ['processing'],
    to: 'fees-due',
    roles: ['specialist', 'unit-leader'],
    scope: 'processing-unit',
    reasonRequired: true,
    clock: 'pause',
  },
  'fees-paid': {
    from: ['fees-due'],
    to: 'processing',
    roles: ['desk-officer', 'specialist'],
    scope: 'processing-unit-or-receiving-desk',
    reasonRequired: false,
    clock: 'resume',
  },
  approve: {
    from: ['processing'],
    to: 'awaiting-signature',
    roles: ['unit-leader'],
    scope: 'processing-unit',
    reasonRequired: false,
  },
  reject: {
    from: ['processing'],
    to: 'awaiting-signature',
    roles: ['unit-leader'],
    scope: 'processing-unit',
    reasonRequired: true,
  },
  stop: {
    from: ['processing', 'supplement-requested', 'fees-due'],
    to: 'stopped',
    roles: ['unit-leader'],
    scope: 'processing-unit',
    reasonRequired: true,
  },
  transfer: {
    from: ['received', 'processing'],
    to: 'received',
    roles: ['unit-leader'],
    scope: 'processing-unit',
    reasonRequired: true,
  },
  'return-result': {
    from: ['done'],
    to: 'returned',
    roles: ['desk-officer', 'specialist'],
    scope: 'processing-unit-or-receiving-desk',
    reasonRequired: false,
  },
  withdraw: {
    from: OPEN,
    to: 'withdrawn',
    roles: ['desk-officer', 'citizen'],
    scope: 'processing-unit-or-receiving-desk',
    reasonRequired: true,
  },
};

export function allowedActions(state: State): Action[] {
  return ACTIONS.filter((action) => RULES[action].from.includes(state));
}

export type Refusal =
  | { kind: 'not-allowed-now'; allowed: Action[] }
  | { kind: 'role'; roles: readonly Role[] }
  | { kind: 'reason-required' };

/** Whether `action` may happen now, by someone with `roles`; jurisdiction is checked apart. */
export function check(action: Action, state: State, roles: readonly Role[], reason: string | null): Refusal | null {
  const rule = RULES[action];
  if (!rule.from.includes(state)) return { kind: 'not-allowed-now', allowed: allowedActions(state) };
  if (!rule.roles.some((role) => roles.includes(role))) return { kind: 'role', roles: rule.roles };
  if (rule.reasonRequired && !reason) return { kind: 'reason-required' };
  return null;
}
