import { DossierOutcome, expectedCounts } from './ground-truth';
import { planWorkload } from './workload';

const period = { start: new Date('2026-11-23T00:00:00+07:00'), end: new Date('2026-11-28T00:00:00+07:00') };
const hour = (local: string) => new Date(`2026-11-${local}:00+07:00`);
const minutes = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

const outcome = (overrides: Partial<DossierOutcome>): DossierOutcome => ({
  receivingUnit: 'A',
  processingUnit: 'A',
  procedure: 'HKD-DANGKY',
  channel: 'counter',
  refusedAt: null,
  receivedAt: hour('23T09:00'),
  dueAt: hour('26T09:00'),
  resolvedAt: null,
  returnedAt: null,
  returnedElectronic: false,
  ...overrides,
});

describe('the simulation’s ground truth', () => {
  it('credits receipts to the desk and results to the processing unit, boundary-free', () => {
    const counts = expectedCounts(
      [outcome({ receivingUnit: 'A', processingUnit: 'B', channel: 'online', resolvedAt: hour('24T10:00') })],
      period,
      minutes,
    );
    expect(counts.get('A')).toMatchObject({
      received: 1,
      receivedOnline: 1,
      resolved: 0,
      proceduresOffered: 1,
      proceduresWithOnlineDossiers: 1,
    });
    expect(counts.get('B')).toMatchObject({
      received: 0,
      resolved: 1,
      resolvedOnTime: 1,
      signedResults: 1,
      processingMinutesSum: 25 * 60,
      proceduresOffered: 0,
    });
    expect(counts.get(null)).toMatchObject({ received: 1, resolved: 1 });
  });

  it('judges a result by its deadline and an open dossier by whether its deadline passed before the end', () => {
    const counts = expectedCounts(
      [
        outcome({ resolvedAt: hour('26T09:30') }),
        outcome({ dueAt: hour('30T17:00') }),
        outcome({ dueAt: hour('26T10:00') }),
        outcome({ dueAt: null }),
        outcome({ receivedAt: null, dueAt: null, refusedAt: hour('23T10:00'), channel: 'online' }),
      ],
      period,
      minutes,
    ).get('A')!;
    expect(counts).toMatchObject({
      received: 4,
      refused: 1,
      resolved: 1,
      resolvedLate: 1,
      resolvedOnTime: 0,
      openWithinDeadline: 2,
      openOverdue: 1,
      receivedOnline: 0,
    });
  });
});

describe('the planned workload', () => {
  const settings = {
    communes: ['A', 'B', 'C'],
    procedures: [{ code: 'HKD-DANGKY', workingDays: 3, documents: ['registration-application'] }],
    dossiers: 400,
    workingDays: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'],
    onlineShare: 0.76,
    refusedShare: 0.05,
    crossCommuneShare: 0.2,
    supplementShare: 0.1,
    lateShare: 0.1,
    electronicReturnShare: 0.6,
    seed: 11,
  };

  it('is the same for the same seed, and near the shares asked for', () => {
    const plan = planWorkload(settings);
    expect(planWorkload(settings)).toEqual(plan);
    const online = plan.filter((dossier) => dossier.channel === 'online').length / plan.length;
    expect(online).toBeGreaterThan(0.68);
    expect(online).toBeLessThan(0.84);
    expect(plan.filter((dossier) => dossier.receivingUnit !== dossier.subjectCommune).length).toBeGreaterThan(40);
  });

  it('gives each dossier increasing slots within the period, starting with its filing', () => {
    for (const dossier of planWorkload(settings)) {
      expect(dossier.actions[0].action.kind).toBe('file');
      const slots = dossier.actions.map((action) => action.slot);
      expect([...slots].sort((a, b) => a - b)).toEqual(slots);
      expect(new Set(slots).size).toBe(slots.length);
      expect(Math.max(...slots)).toBeLessThan(settings.workingDays.length * 15);
    }
  });
});
