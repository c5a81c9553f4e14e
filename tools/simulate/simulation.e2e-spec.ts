import { reportingSchema } from '@onestop/reporting';
import { createTestDatabase } from '@onestop/testing';
import { simulateProvince } from './simulation';

/**
 * The province simulation at a small scale: a few communes' week through intake,
 * routing, digital signature and reporting on the shared simulated clock. Every unit's counts,
 * indicators and 766 points in the reporting API must equal the ground truth of the run, and the
 * read model it was given (as `--into-platform` gives the platform's) keeps the week afterwards.
 */
describe('a province simulated through the real services', () => {
  jest.setTimeout(600_000);

  it('reports exactly the indicators of the dossiers it played, and leaves them in the read model it was given', async () => {
    const readModel = await createTestDatabase('simulated-read-model', reportingSchema);
    const report = await simulateProvince({
      provinceCode: '46',
      communes: 4,
      dossiers: 60,
      from: '2026-11-23',
      days: 7,
      seed: 7,
      concurrency: 8,
      // Not the broker of `npm run simulate`, which may be running beside the tests.
      broker: { name: 'simulate-e2e', port: 19692 },
      procedures: ['HKD-DANGKY', 'CT-XACNHAN-CUTRU', 'CTH-HOPDONG-NHADAT'],
      onlineShare: 0.76,
      refusedShare: 0.1,
      crossCommuneShare: 0.25,
      supplementShare: 0.2,
      lateShare: 0.2,
      electronicReturnShare: 0.6,
      readModelUrl: readModel.url,
      log: () => undefined,
    }).catch(async (error: unknown) => {
      await readModel.drop();
      throw error;
    });
    const [kept] = await readModel.dataSource
      .query<Array<{ received: string }>>('SELECT sum(received) AS received FROM daily_counters')
      .finally(() => readModel.drop());
    expect(Number(kept.received)).toBe(report.truth.received);
    expect(report.mismatches).toEqual([]);
    // The run exercised what it is meant to: every kind of outcome happened.
    expect(report.unitsCompared).toBe(5);
    const { truth } = report;
    for (const count of [
      truth.refused,
      truth.receivedOnline,
      truth.resolvedOnTime,
      truth.resolvedLate,
      truth.returnedElectronic,
      truth.openWithinDeadline + truth.openOverdue,
    ]) {
      expect(count).toBeGreaterThan(0);
    }
  });
});
