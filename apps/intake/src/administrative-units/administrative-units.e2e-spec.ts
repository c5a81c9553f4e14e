import { ManualClock } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { ServiceUnderTest, startServiceWithDatabase } from '@onestop/testing';
import request from 'supertest';
import { intakeSchema } from '../database/schema';
import { IntakeEnv } from '../intake.env';
import { intakeService } from '../service';

const PHU_XUAN = '19753';

/** The unit directory a desk officer picks an applicant's commune from, without a token. */
describe('administrative units of a province', () => {
  const clock = new ManualClock(new Date('2026-11-24T09:00:00+07:00'));
  let running: ServiceUnderTest<IntakeEnv>;
  const units = (query: string) => request(running.url).get(`/api/v1/administrative-units${query}`);

  beforeAll(async () => {
    running = await startServiceWithDatabase(intakeService, intakeSchema, {}, { clock });
    const directory = running.app.get(AdministrativeUnits);
    const point = {
      name: 'Điểm phục vụ Bưu điện Phú Xuân',
      nameEn: 'Phu Xuan post office service point',
      parentCode: PHU_XUAN,
      provinceCode: '46',
    };
    await directory.addServicePoint({ ...point, code: `${PHU_XUAN}.BD1`, effectiveFrom: '2026-01-01' });
    await directory.addServicePoint({ ...point, code: `${PHU_XUAN}.BD2`, effectiveFrom: '2027-01-01' });
  }, 60_000);

  afterAll(async () => {
    await running?.close();
  }, 30_000);

  it('lists every commune and ward of Huế with Vietnamese and English names, and the service points open today', async () => {
    const response = await units('?province=46').expect(200);
    expect(response.body.province).toEqual({ code: '46', name: 'Thành phố Huế', nameEn: 'Hue City' });
    expect(response.body.communes).toHaveLength(40);
    expect(response.body.communes).toContainEqual({
      code: PHU_XUAN,
      name: 'Phường Phú Xuân',
      nameEn: 'Phu Xuan Ward',
      kind: 'ward',
    });
    expect(response.body.communes.some((commune: { kind: string }) => commune.kind === 'commune')).toBe(true);
    // Only Huế's: Ba Đình is a ward of Hà Nội.
    expect(response.body.communes.map((commune: { code: string }) => commune.code)).not.toContain('00004');
    expect(response.body.servicePoints).toEqual([
      {
        code: `${PHU_XUAN}.BD1`,
        name: 'Điểm phục vụ Bưu điện Phú Xuân',
        nameEn: 'Phu Xuan post office service point',
        parentCode: PHU_XUAN,
      },
    ]);
  });

  it('answers a malformed province with 400 and an unknown one with 404, both naming `province`', async () => {
    for (const query of ['', '?province=4', '?province=hue', '?province=46&province=01']) {
      const response = await units(query).expect(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('province');
    }
    // 99 is no province; 03 was one until the 2025 merger.
    for (const code of ['99', '03']) {
      const response = await units(`?province=${code}`).expect(404);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'province' })]);
    }
  });
});
