import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binaryBody, signatureRequestedEvent, tokenFor, tokenWithRoles } from '@onestop/testing';
import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { ResultSigningService } from './signing/result-signing.service';
import { normalised, readRenderedPage } from './test/rendered-page';
import { registerOfficer, SignatureServiceUnderTest, startSignatureService } from './test/signature-fixture';

const PHU_XUAN = '19753';
const THUY_XUAN = '19813';
const KIM_LONG = '19774';
const BA_DINH = '00004';

/**
 * A signed result names its applicant: it is read by the officers of the unit that processed the
 * dossier and of the unit that received it, by the applicant's own account and by the roles of its
 * province. Anyone else is told it does not exist (404, never 403).
 */
describe('who reads a signed result', () => {
  jest.setTimeout(60_000);
  let running: SignatureServiceUnderTest;
  let url: string;
  const documents: Record<'result' | 'signed', string> = { result: '', signed: '' };
  const read = (id: string, token: string) =>
    request(url).get(`/api/v1/documents/${id}`).auth(token, { type: 'bearer' });

  beforeAll(async () => {
    running = await startSignatureService(
      [
        { id: 'leader-phu-xuan', name: 'Trần Thị Bình', unitCode: PHU_XUAN },
        { id: 'spare', name: 'Lê Văn Cường', unitCode: BA_DINH },
      ],
      { RESULT_SIGNATURE_LEVEL: 'B-B', PUBLIC_WEB_URL: 'https://dichvucong.hue.gov.vn/' },
    );
    url = running.service.url;
    const admin = await tokenFor('province-admin', undefined, '46', 'admin');
    await registerOfficer(
      url,
      admin,
      running.pki.officers.get('leader-phu-xuan')!,
      running.pki,
      'leader-phu-xuan',
      PHU_XUAN,
    );
    const requested = signatureRequestedEvent({
      code: `${THUY_XUAN}-261124-0042`,
      unitCode: PHU_XUAN,
      signerId: 'leader-phu-xuan',
      receivingUnitCode: THUY_XUAN,
      applicantAccountSubject: 'citizen-lan',
    });
    const { requestId } = requested.payload;
    const resultSigning = running.service.app.get(ResultSigningService);
    await running.service.database.dataSource.transaction((tx) => resultSigning.signRequested(requested, tx));
    const [row] = await running.service.database.dataSource.query(
      `SELECT state, result_document_id AS "result", signed_document_id AS "signed" FROM signature_requests WHERE id = $1`,
      [requestId],
    );
    expect(row.state).toBe('signed');
    Object.assign(documents, { result: row.result, signed: row.signed });
  }, 120_000);

  afterAll(async () => {
    await running?.close();
  }, 30_000);

  it.each([
    ['a specialist of the processing unit', () => tokenFor('specialist', PHU_XUAN, '46')],
    ['a desk officer of the receiving unit', () => tokenFor('desk-officer', THUY_XUAN, '46')],
    ['the applicant', () => tokenFor('citizen', undefined, undefined, 'citizen-lan')],
    ['a province leader of Huế', () => tokenFor('province-leader', undefined, '46')],
    ['a province administrator of Huế', () => tokenFor('province-admin', undefined, '46')],
  ])('gives the result and its signed revision to %s', async (_who, token) => {
    const bearer = await token();
    for (const id of [documents.result, documents.signed]) {
      const response = await read(id, bearer).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
    }
  });

  it('gives the applicant a signed result that reads, drawn by poppler and by Ghostscript, as the decision of the processing unit', async () => {
    const bearer = await tokenFor('citizen', undefined, undefined, 'citizen-lan');
    const signed = (await read(documents.signed, bearer).buffer(true).parse(binaryBody).expect(200)).body as Buffer;
    for (const renderer of ['poppler', 'ghostscript'] as const) {
      const { text } = readRenderedPage(signed, renderer);
      const expected = [
        `${THUY_XUAN}-261124-0042`,
        'Hồ Thị Lan',
        'UBND PHƯỜNG PHÚ XUÂN',
        'Phú Xuân, ngày',
        'QUYẾT ĐỊNH',
        'Trần Thị Bình',
      ];
      expect(expected.filter((part) => !text.includes(normalised(part)))).toEqual([]);
    }
  });

  it("leads from the result's foot to the web application's verification page, not to the JSON API", async () => {
    const bearer = await tokenFor('citizen', undefined, undefined, 'citizen-lan');
    const signed = (await read(documents.signed, bearer).buffer(true).parse(binaryBody).expect(200)).body as Buffer;
    // The address printed beside the QR code, which encodes the same text, read back by poppler.
    const work = mkdtempSync(join(tmpdir(), 'result-address-'));
    writeFileSync(join(work, 'result.pdf'), signed);
    const text = execFileSync('pdftotext', [join(work, 'result.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    rmSync(work, { recursive: true, force: true });
    expect(text).toContain(`https://dichvucong.hue.gov.vn/xac-minh/${THUY_XUAN}-261124-0042`);
    expect(text).not.toContain('/api/v1/public/results');
  });

  it.each([
    ['a specialist of another Huế unit', () => tokenFor('specialist', KIM_LONG, '46')],
    ['another citizen', () => tokenFor('citizen', undefined, undefined, 'citizen-other')],
    ['a citizen carrying the processing unit claim', () => tokenWithRoles(['citizen'], PHU_XUAN, '46', 'citizen-unit')],
    ['a token with no role and the processing unit claim', () => tokenWithRoles([], PHU_XUAN, '46', 'no-role')],
    [
      'a specialist claiming the unit under another province',
      () => tokenFor('specialist', PHU_XUAN, '01', 'specialist-mismatch'),
    ],
    ['a province administrator of Hà Nội', () => tokenFor('province-admin', undefined, '01')],
    ['a unit leader of a Hà Nội ward', () => tokenFor('unit-leader', BA_DINH, '01')],
  ])('answers 404 to %s, as for a document that does not exist', async (_who, token) => {
    const bearer = await token();
    for (const id of [documents.result, documents.signed, randomUUID()]) {
      const response = await read(id, bearer).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it("signs no document the caller may not read: another unit's officer names it in vain", async () => {
    const kimLongLeader = await tokenFor('unit-leader', KIM_LONG, '46', 'leader-phu-xuan');
    const [certificate] = await running.service.database.dataSource.query(
      `SELECT id FROM certificates WHERE user_id = 'leader-phu-xuan'`,
    );
    const refused = await request(url)
      .post('/api/v1/signatures')
      .auth(kimLongLeader, { type: 'bearer' })
      .send({ documentId: documents.signed, certificateId: certificate.id, level: 'B-B' })
      .expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'documentId' })]);
    const uploaded = await PDFDocument.create();
    uploaded.addPage();
    const own = await request(url)
      .post('/api/v1/signatures')
      .auth(await tokenFor('unit-leader', PHU_XUAN, '46', 'leader-phu-xuan'), { type: 'bearer' })
      .send({
        document: Buffer.from(await uploaded.save({ useObjectStreams: false })).toString('base64'),
        certificateId: certificate.id,
        level: 'B-B',
      })
      .expect(201);
    // An uploaded document is the signer's unit's: its officers read it, another unit's do not.
    await read(own.body.documentId, await tokenFor('specialist', PHU_XUAN, '46')).expect(200);
    await read(own.body.documentId, await tokenFor('specialist', KIM_LONG, '46')).expect(404);
  });

  describe("another province's registry", () => {
    const hanoiAdmin = () => tokenFor('province-admin', undefined, '01', 'admin-01');

    it('binds no certificate to a Huế unit', async () => {
      const spare = running.pki.officers.get('spare')!;
      const refused = await request(url)
        .post('/api/v1/certificates')
        .auth(await hanoiAdmin(), { type: 'bearer' })
        .send({
          userId: 'leader-phu-xuan',
          unitCode: PHU_XUAN,
          chainPem: spare.certificate.pem + running.pki.issuing.certificate.pem,
        })
        .expect(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'unitCode' })]);
      const [{ n }] = await running.service.database.dataSource.query(
        `SELECT count(*)::int AS n FROM certificates WHERE province_code = '01'`,
      );
      expect(n).toBe(0);
    });

    it("locks or revokes its own entry for a Huế official's account without failing his Huế results", async () => {
      const waiting = randomUUID();
      await running.service.database.dataSource.query(
        `INSERT INTO signature_requests (id, dossier_id, dossier_code, province_code, signer_id, state, created_at, updated_at)
         VALUES ($1, $2, '19753-261124-0043', '46', 'leader-phu-xuan', 'awaiting-signer', now(), now())`,
        [waiting, randomUUID()],
      );
      const admin = await hanoiAdmin();
      const entry = await registerOfficer(
        url,
        admin,
        running.pki.officers.get('spare')!,
        running.pki,
        'leader-phu-xuan',
        BA_DINH,
        true,
      );
      await request(url)
        .post(`/api/v1/certificates/${entry.id}/lock`)
        .auth(admin, { type: 'bearer' })
        .send({ reason: 'Mất thiết bị ký' })
        .expect(200);
      await request(url)
        .post(`/api/v1/certificates/${entry.id}/revocation`)
        .auth(admin, { type: 'bearer' })
        .send({ reason: 'keyCompromise' })
        .expect(200);
      const [row] = await running.service.database.dataSource.query(
        'SELECT state FROM signature_requests WHERE id = $1',
        [waiting],
      );
      expect(row.state).toBe('awaiting-signer');
    });
  });
});
