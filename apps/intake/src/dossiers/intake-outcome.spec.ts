import { DOSSIER_STATUS } from '@onestop/contracts';
import { seedProcedures } from '@onestop/reference-data';
import { intakeOutcome, missingDocuments } from './intake-outcome';

const birthRegistration = seedProcedures().find((procedure) => procedure.code === 'HT-KHAISINH')!;

describe('intake outcome', () => {
  it('lists the required documents not handed in, ignoring optional ones', () => {
    const missing = missingDocuments(birthRegistration, [{ type: 'declaration-form' }, { type: 'authorisation' }]);
    expect(missing.map((document) => document.type)).toEqual(['birth-notice']);
    expect(missingDocuments(birthRegistration, [{ type: 'declaration-form' }, { type: 'birth-notice' }])).toEqual([]);
  });

  it('keeps online filings for the desk to check (1), complete or not', () => {
    const missing = missingDocuments(birthRegistration, []);
    expect(intakeOutcome('online', missing, null)).toMatchObject({
      status: DOSSIER_STATUS.submittedOnline,
      action: 'submit-online',
      note: null,
    });
  });

  it('receives a complete counter or postal filing (2)', () => {
    expect(intakeOutcome('counter', [], null)).toMatchObject({
      status: DOSSIER_STATUS.received,
      action: 'receive',
      note: null,
    });
    expect(intakeOutcome('postal', [], null).status).toBe(DOSSIER_STATUS.received);
  });

  it('refuses an incomplete one (3), naming each missing document in Vietnamese and by type', () => {
    const outcome = intakeOutcome('counter', missingDocuments(birthRegistration, []), null);
    expect(outcome).toMatchObject({ status: DOSSIER_STATUS.refusedAtIntake, action: 'refuse' });
    expect(outcome.note).toContain('(declaration-form)');
    expect(outcome.note).toContain('(birth-notice)');
  });

  it("receives an incomplete one when the desk officer accepts it, keeping the officer's reason", () => {
    const outcome = intakeOutcome('postal', missingDocuments(birthRegistration, []), 'Bổ sung khi nhận kết quả');
    expect(outcome).toMatchObject({ status: DOSSIER_STATUS.received, note: 'Bổ sung khi nhận kết quả' });
    expect(outcome.missing).toHaveLength(2);
  });
});
