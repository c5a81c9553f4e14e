/**
 * A province's dossiers over a period, planned before anything runs: who files what, where, on
 * which channel, and what becomes of it. Times are slots of half an hour within office hours, so
 * the simulation moves the shared clock once per slot and acts on every dossier due then.
 */

export interface WorkloadSettings {
  /** Unit codes of the communes and wards that receive and process dossiers. */
  communes: string[];
  /** Procedures filed, each with its processing time in working days. */
  procedures: Array<{ code: string; workingDays: number; documents: string[] }>;
  dossiers: number;
  /** Working days of the period, as local dates. */
  workingDays: string[];
  onlineShare: number;
  /** Of the online filings, refused by the desk that checks them. */
  refusedShare: number;
  /** Filed at one commune for an applicant (and a matter) of another. */
  crossCommuneShare: number;
  supplementShare: number;
  lateShare: number;
  /** Of the online filings' results, handed over electronically. */
  electronicReturnShare: number;
  seed: number;
}

/** Slots of a working day: 07:30 to 11:00 and 13:30 to 16:30, local time. */
export const DAY_SLOTS = [
  '07:30',
  '08:00',
  '08:30',
  '09:00',
  '09:30',
  '10:00',
  '10:30',
  '11:00',
  '13:30',
  '14:00',
  '14:30',
  '15:00',
  '15:30',
  '16:00',
  '16:30',
];

export type PlannedAction =
  | { kind: 'file' }
  | { kind: 'receive' }
  | { kind: 'refuse' }
  | { kind: 'accept' }
  | { kind: 'request-supplement' }
  | { kind: 'supplement-received' }
  | { kind: 'approve' }
  | { kind: 'return-result'; resultChannel: 'counter' | 'electronic' };

export interface PlannedDossier {
  index: number;
  receivingUnit: string;
  /** The commune the matter belongs to: it processes the dossier. */
  subjectCommune: string;
  procedure: string;
  documents: string[];
  channel: 'online' | 'counter';
  /** Each action at its slot, in order; a dossier's slots are distinct and increasing. */
  actions: Array<{ slot: number; action: PlannedAction }>;
}

/** A small, fast, seedable generator (mulberry32): the same seed gives the same province. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The local instant of slot n of the period. */
export function slotInstant(workingDays: string[], slot: number): Date {
  const day = workingDays[Math.floor(slot / DAY_SLOTS.length)];
  return new Date(`${day}T${DAY_SLOTS[slot % DAY_SLOTS.length]}:00+07:00`);
}

/**
 * Plans every dossier. Filings spread evenly over the period; the processing unit accepts in the
 * next slot; on-time dossiers are approved well before their deadline, late ones within two
 * working days after it; a supplement waits a working day for the citizen. What would fall after the
 * period's last slot does not happen: those dossiers are still open at its end.
 */
export function planWorkload(settings: WorkloadSettings): PlannedDossier[] {
  const random = randomSource(settings.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const lastSlot = settings.workingDays.length * DAY_SLOTS.length - 1;
  const slotsPerDay = DAY_SLOTS.length;
  return Array.from({ length: settings.dossiers }, (_, index) => {
    const receivingUnit = pick(settings.communes);
    const crossing = settings.communes.length > 1 && random() < settings.crossCommuneShare;
    const subjectCommune = crossing ? pick(settings.communes.filter((code) => code !== receivingUnit)) : receivingUnit;
    const procedure = pick(settings.procedures);
    const channel = random() < settings.onlineShare ? 'online' : 'counter';
    const filed = Math.floor((index * (lastSlot + 1)) / settings.dossiers);
    const actions: PlannedDossier['actions'] = [{ slot: filed, action: { kind: 'file' } }];
    let slot = filed;
    const next = (gap: number, action: PlannedAction) => {
      slot += gap;
      actions.push({ slot, action });
    };
    if (channel === 'online') {
      if (random() < settings.refusedShare) {
        next(1, { kind: 'refuse' });
        return finish();
      }
      next(1, { kind: 'receive' });
    }
    next(1, { kind: 'accept' });
    const deadline = procedure.workingDays * slotsPerDay;
    if (random() < settings.supplementShare) {
      next(1, { kind: 'request-supplement' });
      next(slotsPerDay, { kind: 'supplement-received' });
    }
    const late = random() < settings.lateShare;
    next(
      late
        ? deadline + 4 + Math.floor(random() * 2 * slotsPerDay)
        : 1 + Math.floor(random() * Math.max(1, deadline - 6)),
      { kind: 'approve' },
    );
    const electronic = channel === 'online' && random() < settings.electronicReturnShare;
    next(2 + Math.floor(random() * slotsPerDay), {
      kind: 'return-result',
      resultChannel: electronic ? 'electronic' : 'counter',
    });
    return finish();

    function finish(): PlannedDossier {
      return {
        index,
        receivingUnit,
        subjectCommune,
        procedure: procedure.code,
        documents: procedure.documents,
        channel,
        actions: actions.filter((a) => a.slot <= lastSlot),
      };
    }
  });
}
