import { DOSSIER_STATUS } from '@onestop/contracts';
import { openingFact } from '../projections/dossier-fact';
import { DossierFactEntity } from '../read-model/dossier-fact.entity';

/** The fact of a household business registration received Tuesday 24 November 2026 at 09:00 in Huế, due Friday 09:00. */
export const receivedFact: DossierFactEntity = openingFact({
  dossierId: '0190a5a0-0000-7000-8000-000000000001',
  code: '19753-261124-0001',
  provinceCode: '46',
  receivingUnitCode: '19753',
  unitCode: '19753',
  procedureCode: 'HKD-DANGKY',
  channel: 'counter',
  receivedAt: new Date('2026-11-24T02:00:00Z'),
  dueAt: new Date('2026-11-27T02:00:00Z'),
  status: DOSSIER_STATUS.received,
  at: new Date('2026-11-24T02:00:00Z'),
});
