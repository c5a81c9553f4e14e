import { MessagingRuntime } from '@onestop/messaging';
import { computeIndicators, emptyCounts, IndicatorCounts, IndicatorReport, scoreCounts } from '@onestop/reporting';
import { tokenFor, waitFor } from '@onestop/testing';
import request from 'supertest';
import { DossierOutcome, expectedCounts, NOT_SIMULATED } from './ground-truth';
import { BrokerName, deskOf, leaderOf, ProvinceStack, specialistOf } from './province-stack';
import { DAY_SLOTS, PlannedAction, PlannedDossier, planWorkload, slotInstant, WorkloadSettings } from './workload';

export interface SimulationSettings extends Omit<WorkloadSettings, 'communes' | 'procedures' | 'workingDays'> {
  provinceCode: string;
  communes: number;
  /** The period's first local day; it lasts `days` calendar days. */
  from: string;
  days: number;
  procedures: string[];
  /** Requests in flight at once within a slot. */
  concurrency: number;
  /** The local broker to start; the simulation's own unless said. */
  broker?: BrokerName;
  /** A reporting database that keeps the simulated period (the platform's); a fresh one dropped at the end when absent. */
  readModelUrl?: string;
  log: (line: string) => void;
}

export interface SimulationReport {
  period: { from: string; to: string };
  communes: number;
  dossiers: number;
  /** The province's counts as the simulation generated them. */
  truth: IndicatorCounts;
  /** Units (and `province`) whose counts, indicators or points differ from the reporting API. */
  mismatches: Array<{ unit: string; expected: unknown; reported: unknown }>;
  unitsCompared: number;
  seconds: { setUp: number; play: number; compare: number };
}

/** A dossier while the simulation plays it: what it is in intake and routing, and what befell it when. */
interface DossierInPlay {
  plan: PlannedDossier;
  id?: string;
  code?: string;
  refusedAt: Date | null;
  receivedAt: Date | null;
  resolvedAt: Date | null;
  /** The deadline routing held when the leader approved: the one the result is judged by. */
  dueAtApproval: Date | null;
  returnedAt: Date | null;
  returnedElectronic: boolean;
}

/**
 * Plays a province's workload through the real services on the shared simulated clock, then
 * compares every unit's indicators in the reporting API with the counts of what it did.
 */
export async function simulateProvince(settings: SimulationSettings): Promise<SimulationReport> {
  const { log } = settings;
  const began = performance.now();
  const periodDays = localDays(settings.from, settings.days);
  const period = {
    start: new Date(`${periodDays[0]}T00:00:00+07:00`),
    end: new Date(new Date(`${periodDays.at(-1)}T00:00:00+07:00`).getTime() + 86_400_000),
  };
  const stack = await ProvinceStack.start({
    provinceCode: settings.provinceCode,
    communes: settings.communes,
    startsAt: period.start,
    broker: settings.broker,
    readModelUrl: settings.readModelUrl,
    log,
  });
  try {
    const calendar = await stack.calendar([...new Set(periodDays.map((day) => Number(day.slice(0, 4))))]);
    const workingDays = periodDays.filter((day) => calendar.isWorkingDay(day));
    const procedures = await catalogueEntries(stack, settings.procedures);
    const plan = planWorkload({ ...settings, communes: stack.communes, procedures, workingDays });
    const setUp = (performance.now() - began) / 1000;
    log(
      `simulate: ${plan.length} dossiers over ${workingDays.length} working days (${periodDays[0]} to ${periodDays.at(-1)}), ${stack.communes.length} communes`,
    );

    const played = performance.now();
    const dossiers = await play(stack, plan, workingDays, settings, log);
    await stack.reporting.app.get(MessagingRuntime).whenCaughtUpOnAll();
    const play_ = (performance.now() - played) / 1000;

    const compared = performance.now();
    const outcomes = await outcomesOf(stack, dossiers);
    const truth = expectedCounts(outcomes, period, (from, to) =>
      Math.round(calendar.workingHoursBetween(from, to) * 60),
    );
    const { mismatches, unitsCompared } = await compareWithReporting(stack, truth, {
      from: periodDays[0],
      to: periodDays.at(-1)!,
    });
    return {
      period: { from: periodDays[0], to: periodDays.at(-1)! },
      communes: stack.communes.length,
      dossiers: plan.length,
      truth: truth.get(null)!,
      mismatches,
      unitsCompared,
      seconds: { setUp, play: play_, compare: (performance.now() - compared) / 1000 },
    };
  } finally {
    await stack.close();
  }
}

async function catalogueEntries(stack: ProvinceStack, codes: string[]): Promise<WorkloadSettings['procedures']> {
  return Promise.all(
    codes.map(async (code) => {
      const { body } = await request(stack.intake.url).get(`/api/v1/procedures/${code}`).expect(200);
      const documents = (body.requiredDocuments as Array<{ type: string; required?: boolean }>)
        .filter((d) => d.required !== false)
        .map((d) => d.type);
      return { code, workingDays: body.processingTime.amount as number, documents };
    }),
  );
}

/** Each slot: move the clock, perform its actions, and wait for the signatures its approvals started. */
async function play(
  stack: ProvinceStack,
  plan: PlannedDossier[],
  workingDays: string[],
  settings: SimulationSettings,
  log: (line: string) => void,
): Promise<DossierInPlay[]> {
  const dossiers: DossierInPlay[] = plan.map((p) => ({
    plan: p,
    refusedAt: null,
    receivedAt: null,
    resolvedAt: null,
    dueAtApproval: null,
    returnedAt: null,
    returnedElectronic: false,
  }));
  const bySlot = new Map<number, Array<{ dossier: DossierInPlay; action: PlannedAction }>>();
  for (const dossier of dossiers)
    for (const { slot, action } of dossier.plan.actions)
      bySlot.set(slot, [...(bySlot.get(slot) ?? []), { dossier, action }]);
  const actor = new Actor(stack);
  const slots = workingDays.length * DAY_SLOTS.length;
  for (let slot = 0; slot < slots; slot++) {
    const at = slotInstant(workingDays, slot);
    await stack.moveTo(at);
    const due = bySlot.get(slot) ?? [];
    await inParallel(due, settings.concurrency, ({ dossier, action }) => actor.perform(dossier, action, at));
    const approved = due.filter(({ action }) => action.kind === 'approve').map(({ dossier }) => dossier);
    await inParallel(approved, settings.concurrency, (dossier) => actor.awaitResult(dossier, at));
    if (slot % DAY_SLOTS.length === DAY_SLOTS.length - 1)
      log(
        `simulate: ${workingDays[Math.floor(slot / DAY_SLOTS.length)]} played (${(bySlot.get(slot) ?? []).length} actions in its last slot)`,
      );
  }
  return dossiers;
}

interface RoutingView {
  status?: number;
  version: number;
  dueAt?: string | null;
  allowedActions?: string[];
}

/** Performs planned actions as the officers and citizens who would, through the services' APIs. */
class Actor {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(private readonly stack: ProvinceStack) {}

  async perform(dossier: DossierInPlay, action: PlannedAction, at: Date): Promise<void> {
    const { plan } = dossier;
    switch (action.kind) {
      case 'file':
        return this.file(dossier, at);
      case 'receive':
      case 'refuse': {
        const decision =
          action.kind === 'receive'
            ? { decision: 'receive' }
            : { decision: 'refuse', reason: 'Hồ sơ không đúng thủ tục đề nghị' };
        await this.expect(
          request(this.stack.intake.url)
            .post(`/api/v1/dossiers/${dossier.code}/intake-decision`)
            .auth(await this.token('desk-officer', plan.receivingUnit), { type: 'bearer' })
            .send(decision),
          200,
        );
        if (action.kind === 'receive') dossier.receivedAt = at;
        else dossier.refusedAt = at;
        return;
      }
      case 'accept':
      case 'request-supplement':
        await this.act(
          dossier,
          'specialist',
          action.kind === 'accept' ? {} : { reason: 'Bổ sung giấy tờ còn thiếu' },
          action.kind,
        );
        return;
      case 'supplement-received':
        await this.act(dossier, 'desk-officer', {}, action.kind, plan.receivingUnit);
        return;
      case 'approve': {
        const { dueAt } = await this.act(dossier, 'unit-leader', {}, 'approve');
        dossier.dueAtApproval = dueAt ? new Date(dueAt) : null;
        return;
      }
      case 'return-result':
        await this.act(
          dossier,
          'desk-officer',
          { resultChannel: action.resultChannel },
          'return-result',
          plan.receivingUnit,
        );
        dossier.returnedAt = at;
        dossier.returnedElectronic = action.resultChannel === 'electronic';
        return;
    }
  }

  /** Waits until the signature of an approved dossier came back and routing marked it done (9). */
  async awaitResult(dossier: DossierInPlay, at: Date): Promise<void> {
    const leader = await this.token('unit-leader', dossier.plan.subjectCommune);
    await waitFor(
      async () => (await this.routingView(dossier, leader)).status === 9,
      120_000,
      `dossier ${dossier.code} signed and done`,
    );
    dossier.resolvedAt = at;
  }

  private async file(dossier: DossierInPlay, at: Date): Promise<void> {
    const { plan } = dossier;
    const online = plan.channel === 'online';
    const filing = {
      procedureCode: plan.procedure,
      receivingUnitCode: plan.receivingUnit,
      channel: plan.channel,
      subjectCommuneCode: plan.subjectCommune,
      applicant: {
        name: `Công dân ${plan.index}`,
        citizenId: `046${String(90_000_000 + plan.index).padStart(9, '0')}`,
        phone: `09${String(10_000_000 + plan.index).slice(-8)}`,
        address: { line: `${plan.index} Lê Lợi`, communeCode: plan.subjectCommune },
      },
      documents: plan.documents.map((type) => ({
        type,
        fileName: `${type}.pdf`,
        sha256: 'c'.repeat(64),
        size: 50_000,
      })),
    };
    const token = online
      ? await this.token('citizen', undefined, `citizen-${plan.index % 500}`)
      : await this.token('desk-officer', plan.receivingUnit);
    const response = await this.expect(
      request(this.stack.intake.url)
        .post('/api/v1/dossiers')
        .auth(token, { type: 'bearer' })
        .set('Idempotency-Key', `simulate-${plan.index}-${at.getTime()}`)
        .send(filing),
      201,
    );
    dossier.id = response.body.id;
    dossier.code = response.body.code;
    if (!online) dossier.receivedAt = at;
  }

  /** A processing action at the dossier's current version, once routing has the dossier; the view it was taken on. */
  private async act(
    dossier: DossierInPlay,
    role: 'specialist' | 'unit-leader' | 'desk-officer',
    body: Record<string, unknown>,
    action: string,
    unit = dossier.plan.subjectCommune,
  ): Promise<RoutingView> {
    const token = await this.token(role, unit);
    const leader = await this.token('unit-leader', dossier.plan.subjectCommune);
    let view: RoutingView = { version: 0 };
    await waitFor(
      async () => {
        view = await this.routingView(dossier, leader);
        return view.allowedActions?.includes(action) ?? false;
      },
      30_000,
      `dossier ${dossier.code} in routing, ready for ${action}`,
    );
    await this.expect(
      request(this.stack.routing.url)
        .post(`/api/v1/dossiers/${dossier.id}/actions`)
        .auth(token, { type: 'bearer' })
        .send({ version: view.version, action, ...body }),
      200,
    );
    return view;
  }

  private async routingView(dossier: DossierInPlay, token: string): Promise<RoutingView> {
    const response = await request(this.stack.routing.url)
      .get(`/api/v1/dossiers/${dossier.id}`)
      .auth(token, { type: 'bearer' });
    return response.status === 200 ? response.body : { version: 0 };
  }

  private async expect(call: request.Test, status: number): Promise<request.Response> {
    const response = await call;
    if (response.status !== status)
      throw new Error(
        `${response.request.method} ${response.request.url}: ${response.status} ${JSON.stringify(response.body)}`,
      );
    return response;
  }

  private token(
    role: 'citizen' | 'desk-officer' | 'specialist' | 'unit-leader',
    unit?: string,
    subject?: string,
  ): Promise<string> {
    const who =
      subject ??
      (role === 'desk-officer' ? deskOf(unit!) : role === 'specialist' ? specialistOf(unit!) : leaderOf(unit!));
    if (!this.tokens.has(who)) this.tokens.set(who, tokenFor(role, unit, this.stack.provinceCode, who));
    return this.tokens.get(who)!;
  }
}

/** Each dossier's outcome, with the unit that processed it and the deadline routing held at the end. */
async function outcomesOf(stack: ProvinceStack, dossiers: DossierInPlay[]): Promise<DossierOutcome[]> {
  const province = await tokenFor('province-leader', undefined, stack.provinceCode, 'simulate-province-leader');
  const outcomes: DossierOutcome[] = [];
  await inParallel(dossiers, 16, async (dossier) => {
    const { plan } = dossier;
    let processingUnit = plan.subjectCommune;
    let dueAt: Date | null = null;
    if (dossier.receivedAt) {
      const { body } = await request(stack.routing.url)
        .get(`/api/v1/dossiers/${dossier.id}`)
        .auth(province, { type: 'bearer' })
        .expect(200);
      processingUnit = body.unitCode;
      // A result is judged by the deadline at approval; an open dossier by the one it has at the end.
      dueAt = dossier.resolvedAt ? dossier.dueAtApproval : body.dueAt ? new Date(body.dueAt) : null;
    }
    outcomes.push({
      receivingUnit: plan.receivingUnit,
      processingUnit,
      procedure: plan.procedure,
      channel: plan.channel,
      refusedAt: dossier.refusedAt,
      receivedAt: dossier.receivedAt,
      dueAt,
      resolvedAt: dossier.resolvedAt,
      returnedAt: dossier.returnedAt,
      returnedElectronic: dossier.returnedElectronic,
    });
  });
  return outcomes;
}

/** Every unit's row (and the province's) from the reporting API against the counts of the ground truth. */
async function compareWithReporting(
  stack: ProvinceStack,
  truth: Map<string | null, IndicatorCounts>,
  period: { from: string; to: string },
) {
  const province = await tokenFor('province-leader', undefined, stack.provinceCode, 'simulate-province-leader');
  const ask = async (query: string) =>
    (
      await request(stack.reporting.url)
        .get(`/api/v1/indicators?from=${period.from}&to=${period.to}${query}`)
        .auth(province, { type: 'bearer' })
        .expect(200)
    ).body as IndicatorReport;
  const reported = new Map<string | null, IndicatorReport['rows'][number]>();
  for (const row of (await ask('&groupBy=commune')).rows) reported.set(row.key, row);
  reported.set(null, (await ask('')).rows[0]);
  const mismatches: SimulationReport['mismatches'] = [];
  const units = new Set([...truth.keys(), ...reported.keys()]);
  for (const unit of units) {
    const row = reported.get(unit);
    const counts = { ...(truth.get(unit) ?? emptyCounts()) };
    // Deadline alarms are not played: their two counts are taken as reported.
    for (const field of NOT_SIMULATED) counts[field] = row?.counts[field] ?? 0;
    const expected = { counts, indicators: computeIndicators(counts), score: scoreCounts(counts) };
    const actual = row ? { counts: row.counts, indicators: row.indicators, score: row.score } : null;
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      mismatches.push({ unit: unit ?? 'province', ...differences(expected, actual) });
  }
  return { mismatches, unitsCompared: units.size };
}

/** The counts that differ, or the whole rows when the counts agree but something derived does not. */
function differences(
  expected: { counts: IndicatorCounts },
  reported: { counts: IndicatorCounts } | null,
): { expected: unknown; reported: unknown } {
  if (!reported) return { expected: expected.counts, reported: null };
  const fields = (Object.keys(expected.counts) as Array<keyof IndicatorCounts>).filter(
    (field) => expected.counts[field] !== reported.counts[field],
  );
  if (fields.length === 0) return { expected, reported };
  return {
    expected: Object.fromEntries(fields.map((f) => [f, expected.counts[f]])),
    reported: Object.fromEntries(fields.map((f) => [f, reported.counts[f]])),
  };
}

/** Runs `work` over `items` with at most `limit` at once; the first failure fails the whole. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(workers);
}

/** `count` consecutive local dates from `from`. */
function localDays(from: string, count: number): string[] {
  const first = new Date(`${from}T00:00:00Z`).getTime();
  return Array.from({ length: count }, (_, index) => new Date(first + index * 86_400_000).toISOString().slice(0, 10));
}
