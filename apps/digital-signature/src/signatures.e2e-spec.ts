import { TOPICS } from '@onestop/contracts';
import { ManualClock } from '@onestop/platform';
import { findSignatures, OID, SignedMessage } from '@onestop/pades';
import { OutboxWriter } from '@onestop/messaging';
import { binaryBody, readTopic, signatureRequestedEvent, tokenFor, waitFor } from '@onestop/testing';
import { execFileSync, spawnSync } from 'node:child_process';
import { constants, createHash, privateEncrypt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { registerOfficer, SignatureServiceUnderTest, startSignatureService } from './test/signature-fixture';

const UNIT = '19774';
// DigestInfo prefix of SHA-256 (RFC 8017): what a device prepends before RSA PKCS#1 v1.5 signing of a hash.
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** A 100 KB one-page PDF, as results with a scanned attachment are. */
async function samplePdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage().drawText('Giay chung nhan', { x: 50, y: 700 });
  document.setSubject('x'.repeat(100_000));
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

describe('digital signature service', () => {
  jest.setTimeout(60_000);
  const clock = new ManualClock(new Date());
  let running: SignatureServiceUnderTest;
  let url: string;
  let work: string;
  let pdf: Buffer;
  const tokens: Record<string, string> = {};
  const certificates: Record<string, { id: string; serialNumber: string }> = {};

  const post = (path: string, token: string, body: object) =>
    request(url).post(path).auth(token, { type: 'bearer' }).send(body);
  const download = async (id: string, token = tokens.leader) =>
    (
      await request(url)
        .get(`/api/v1/documents/${id}`)
        .auth(token, { type: 'bearer' })
        .buffer(true)
        .parse(binaryBody)
        .expect(200)
    ).body as Buffer;
  const verify = (bytes: Buffer) =>
    request(url).post('/api/v1/verifications').set('content-type', 'application/pdf').send(bytes);
  const file = (name: string, bytes: Buffer | string) => {
    writeFileSync(join(work, name), bytes);
    return join(work, name);
  };
  /** openssl's verdict on the first signature's time-stamp token, against this service's TSA chain. */
  const opensslVerifiesTimeStamp = (signed: Buffer) => {
    const message = SignedMessage.parse(findSignatures(signed)[0].contents);
    const token = file('token.der', message.unsignedAttribute(OID.signatureTimeStampToken)!);
    const digest = createHash('sha256').update(message.signatureValue).digest('hex');
    const chain = file('tsa-chain.pem', running.pki.issuing.certificate.pem + running.pki.tsa.certificate.pem);
    return spawnSync(
      'openssl',
      [
        'ts',
        '-verify',
        '-token_in',
        '-in',
        token,
        '-digest',
        digest,
        '-CAfile',
        join(work, 'root.pem'),
        '-untrusted',
        chain,
      ],
      { encoding: 'utf8' },
    ).stdout.trim();
  };
  const pdfsig = (bytes: Buffer) =>
    spawnSync('pdfsig', ['-nssdir', `sql:${join(work, 'nss')}`, file(`doc-${Math.random()}.pdf`, bytes)], {
      encoding: 'utf8',
    }).stdout;

  beforeAll(async () => {
    running = await startSignatureService(
      [
        { id: 'specialist', name: 'Nguyễn Văn An', unitCode: UNIT },
        { id: 'leader', name: 'Trần Thị Bình', unitCode: UNIT },
        { id: 'device-holder', name: 'Lê Văn Cường', unitCode: UNIT },
      ],
      {},
      { clock },
    );
    url = running.service.url;
    work = mkdtempSync(join(tmpdir(), 'signatures-e2e-'));
    execFileSync('mkdir', ['-p', join(work, 'nss')]);
    execFileSync('certutil', ['-N', '-d', `sql:${join(work, 'nss')}`, '--empty-password']);
    execFileSync('certutil', [
      '-A',
      '-d',
      `sql:${join(work, 'nss')}`,
      '-n',
      'root',
      '-t',
      'CT,C,C',
      '-a',
      '-i',
      file('root.pem', running.pki.root.certificate.pem),
    ]);
    tokens.admin = await tokenFor('province-admin', undefined, '46', 'admin');
    tokens.specialist = await tokenFor('specialist', UNIT, '46', 'specialist');
    tokens.leader = await tokenFor('unit-leader', UNIT, '46', 'leader');
    tokens.device = await tokenFor('unit-leader', UNIT, '46', 'device-holder');
    const officers = running.pki.officers;
    certificates.specialist = await registerOfficer(
      url,
      tokens.admin,
      officers.get('specialist')!,
      running.pki,
      'specialist',
      UNIT,
    );
    certificates.leader = await registerOfficer(
      url,
      tokens.admin,
      officers.get('leader')!,
      running.pki,
      'leader',
      UNIT,
    );
    certificates.device = await registerOfficer(
      url,
      tokens.admin,
      officers.get('device-holder')!,
      running.pki,
      'device-holder',
      UNIT,
      true,
    );
    pdf = await samplePdf();
  }, 120_000);

  afterAll(async () => {
    await running?.close();
    rmSync(work, { recursive: true, force: true });
  });

  describe('the certificate registry', () => {
    it('keeps the key encrypted and never shows it', async () => {
      const listed = await request(url).get('/api/v1/certificates').auth(tokens.admin, { type: 'bearer' }).expect(200);
      expect(listed.body.items).toHaveLength(3);
      expect(JSON.stringify(listed.body)).not.toMatch(/PRIVATE KEY/);
      const [row] = await running.service.database.dataSource.query(
        `SELECT encrypted_private_key AS key FROM certificates WHERE id = $1`,
        [certificates.leader.id],
      );
      expect(row.key).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
      const own = await request(url)
        .get('/api/v1/certificates')
        .auth(tokens.specialist, { type: 'bearer' })
        .expect(200);
      expect(own.body.items.map((c: { userId: string }) => c.userId)).toEqual(['specialist']);
    });

    it('refuses what is not an official signing certificate of the trusted PKI, naming the field', async () => {
      const leader = running.pki.officers.get('leader')!;
      const chainPem = leader.certificate.pem + running.pki.issuing.certificate.pem;
      const cases: [object, number, string][] = [
        [{ userId: 'x', unitCode: UNIT, chainPem: 'not a certificate'.repeat(10) }, 400, 'chainPem'],
        [{ userId: 'x', unitCode: UNIT, chainPem: running.pki.issuing.certificate.pem }, 422, 'chainPem'],
        [
          {
            userId: 'x',
            unitCode: UNIT,
            chainPem: running.pki.tsa.certificate.pem + running.pki.issuing.certificate.pem,
          },
          422,
          'chainPem',
        ],
        [{ userId: 'x', unitCode: 'lower case', chainPem }, 400, 'unitCode'],
        [
          {
            userId: 'x',
            unitCode: UNIT,
            chainPem,
            privateKeyPem: running.pki.officers.get('specialist')!.privateKey.export({ type: 'pkcs8', format: 'pem' }),
          },
          422,
          'privateKeyPem',
        ],
        [{ userId: 'x', unitCode: UNIT, chainPem, privateKeyPem: 'x'.repeat(120) }, 400, 'privateKeyPem'],
      ];
      for (const [body, status, field] of cases) {
        const response = await post('/api/v1/certificates', tokens.admin, body);
        expect({ status: response.status, type: response.headers['content-type'] }).toEqual({
          status,
          type: expect.stringMatching(/problem\+json/),
        });
        expect(JSON.stringify(response.body.errors)).toContain(field);
      }
      await post('/api/v1/certificates', tokens.admin, { userId: 'leader', unitCode: UNIT, chainPem }).expect(409);
      await post('/api/v1/certificates', tokens.leader, { userId: 'leader', unitCode: UNIT, chainPem }).expect(403);
      const count = await running.service.database.dataSource.query('SELECT count(*)::int AS n FROM certificates');
      expect(count[0].n).toBe(3);
    });
  });

  describe('signing', () => {
    let firstSigned: { documentId: string; level: string; timeStampTime: string };

    it('signs B-T with the server-held key; a second signature keeps the first valid (pdfsig)', async () => {
      const first = await post('/api/v1/signatures', tokens.specialist, {
        document: pdf.toString('base64'),
        certificateId: certificates.specialist.id,
        reason: 'Thẩm định',
      }).expect(201);
      firstSigned = first.body;
      expect(first.body).toMatchObject({
        level: 'B-T',
        signer: { userId: 'specialist', commonName: 'Nguyễn Văn An' },
        timeStampTime: expect.any(String),
      });
      const second = await post('/api/v1/signatures', tokens.leader, {
        documentId: first.body.documentId,
        certificateId: certificates.leader.id,
        reason: 'Phê duyệt',
      }).expect(201);
      const signed = await download(second.body.documentId);
      expect(createHash('sha256').update(signed).digest('hex')).toBe(second.body.sha256);
      const output = pdfsig(signed);
      expect(output.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
      expect(output.match(/Certificate Validation: Certificate is Trusted\./g)).toHaveLength(2);
      expect(output).toMatch(/Signature #2:[\s\S]*Total document signed/);
      const report = await verify(signed).expect(200);
      expect(report.body.indication).toBe('TOTAL_PASSED');
      expect(report.body.signatures.map((s: { signer: { commonName: string } }) => s.signer.commonName)).toEqual([
        'Nguyễn Văn An',
        'Trần Thị Bình',
      ]);
    });

    it("stamps with a token openssl ts accepts against the TSA's chain", async () => {
      expect(opensslVerifiesTimeStamp(await download(firstSigned.documentId))).toBe('Verification: OK');
    });

    it('answers RFC 3161 requests made by openssl, and rejects garbage the RFC 3161 way', async () => {
      const data = file('data.txt', 'dữ liệu cần đóng dấu thời gian');
      const query = execFileSync('openssl', ['ts', '-query', '-data', data, '-sha256', '-cert']);
      const reply = await request(url)
        .post('/api/v1/tsa')
        .set('content-type', 'application/timestamp-query')
        .send(query)
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      const chain = file('tsa-chain.pem', running.pki.issuing.certificate.pem + running.pki.tsa.certificate.pem);
      const verified = spawnSync(
        'openssl',
        [
          'ts',
          '-verify',
          '-in',
          file('reply.tsr', reply.body),
          '-data',
          data,
          '-CAfile',
          join(work, 'root.pem'),
          '-untrusted',
          chain,
        ],
        { encoding: 'utf8' },
      );
      expect(verified.stdout.trim()).toBe('Verification: OK');
      const garbage = await request(url)
        .post('/api/v1/tsa')
        .set('content-type', 'application/timestamp-query')
        .send(Buffer.from('nonsense'))
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(
        execFileSync('openssl', ['ts', '-reply', '-in', file('garbage.tsr', garbage.body), '-text'], {
          encoding: 'utf8',
        }),
      ).toMatch(/Status: Rejected/);
      await request(url).post('/api/v1/tsa').set('content-type', 'text/plain').send('x').expect(415);
    });

    it('signs in two steps for a key on a device: the digest out, the signature value in', async () => {
      await post('/api/v1/signatures', tokens.device, {
        document: pdf.toString('base64'),
        certificateId: certificates.device.id,
      }).expect(409);
      const prepared = await post('/api/v1/signatures/preparations', tokens.device, {
        document: pdf.toString('base64'),
        certificateId: certificates.device.id,
        level: 'B-T',
      }).expect(201);
      expect(prepared.body).toMatchObject({
        credentialID: certificates.device.id,
        hashAlgo: OID.sha256,
        signAlgo: OID.sha256WithRsa,
        hashes: [expect.any(String)],
      });
      // What the device does: RSA PKCS#1 v1.5 over the digest it was given, never seeing the PDF.
      const deviceKey = running.pki.officers.get('device-holder')!.privateKey;
      const signatureValue = privateEncrypt(
        { key: deviceKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(prepared.body.hashes[0], 'base64')]),
      );
      const completion = `/api/v1/signatures/preparations/${prepared.body.id}/completion`;
      const done = await post(completion, tokens.device, { signatures: [signatureValue.toString('base64')] }).expect(
        201,
      );
      await post(completion, tokens.device, { signatures: [signatureValue.toString('base64')] }).expect(409);
      await post(completion, tokens.leader, { signatures: [signatureValue.toString('base64')] }).expect(404);
      expect(pdfsig(await download(done.body.documentId))).toMatch(/Signature is Valid/);

      const another = await post('/api/v1/signatures/preparations', tokens.device, {
        document: pdf.toString('base64'),
        certificateId: certificates.device.id,
      }).expect(201);
      const otherDigest = privateEncrypt(
        { key: deviceKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, createHash('sha256').update('other').digest()]),
      );
      const wrong = await post(`/api/v1/signatures/preparations/${another.body.id}/completion`, tokens.device, {
        signatures: [otherDigest.toString('base64')],
      }).expect(422);
      expect(wrong.body.errors[0].field).toBe('signatures.0');
    });

    it('refuses to complete a preparation after its quarter of an hour: the device prepares again', async () => {
      const prepared = await post('/api/v1/signatures/preparations', tokens.device, {
        document: pdf.toString('base64'),
        certificateId: certificates.device.id,
      }).expect(201);
      const deviceKey = running.pki.officers.get('device-holder')!.privateKey;
      const signatureValue = privateEncrypt(
        { key: deviceKey, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(prepared.body.hashes[0], 'base64')]),
      );
      clock.set(new Date(new Date(prepared.body.expiresAt).getTime() + 1_000));
      try {
        const expired = await post(`/api/v1/signatures/preparations/${prepared.body.id}/completion`, tokens.device, {
          signatures: [signatureValue.toString('base64')],
        }).expect(409);
        expect(expired.body).toMatchObject({ title: 'Expired', detail: 'the preparation expired; prepare again' });
      } finally {
        clock.set(new Date());
      }
    });

    it('refuses bad signing requests with 4xx naming the field, storing nothing', async () => {
      const changedAfterSigning = Buffer.concat([
        await download(firstSigned.documentId),
        Buffer.from('\n% added later\n%%EOF\n'),
      ]);
      const before = await running.service.database.dataSource.query('SELECT count(*)::int AS n FROM documents');
      const cases: [object, number, string][] = [
        [{ certificateId: certificates.leader.id }, 400, 'document'],
        [
          {
            document: pdf.toString('base64'),
            documentId: firstSigned.documentId,
            certificateId: certificates.leader.id,
          },
          400,
          'document',
        ],
        [{ document: 'not base64 !!', certificateId: certificates.leader.id }, 400, 'document'],
        [
          { document: Buffer.from('plain text').toString('base64'), certificateId: certificates.leader.id },
          422,
          'document',
        ],
        [
          { document: pdf.subarray(0, pdf.length - 100).toString('base64'), certificateId: certificates.leader.id },
          422,
          'document',
        ],
        [{ document: pdf.toString('base64'), certificateId: certificates.specialist.id }, 422, 'certificateId'],
        [{ document: pdf.toString('base64'), certificateId: 'nope' }, 400, 'certificateId'],
        [{ document: pdf.toString('base64'), certificateId: certificates.leader.id, level: 'B-LTA' }, 400, 'level'],
        [{ document: changedAfterSigning.toString('base64'), certificateId: certificates.leader.id }, 422, 'document'],
      ];
      for (const [body, status, field] of cases) {
        const response = await post('/api/v1/signatures', tokens.leader, body);
        expect({ status: response.status, field: JSON.stringify(response.body.errors) }).toEqual({
          status,
          field: expect.stringContaining(field),
        });
      }
      const after = await running.service.database.dataSource.query('SELECT count(*)::int AS n FROM documents');
      expect(after[0].n).toBe(before[0].n);
    });
  });

  describe('verification', () => {
    let bt: Buffer;
    let bb: Buffer;

    beforeAll(async () => {
      const signedBt = await post('/api/v1/signatures', tokens.specialist, {
        document: pdf.toString('base64'),
        certificateId: certificates.specialist.id,
      }).expect(201);
      const signedBb = await post('/api/v1/signatures', tokens.specialist, {
        document: pdf.toString('base64'),
        certificateId: certificates.specialist.id,
        level: 'B-B',
      }).expect(201);
      [bt, bb] = [await download(signedBt.body.documentId), await download(signedBb.body.documentId)];
    });

    it('reports a flipped byte as a hash failure and appended bytes as a modification', async () => {
      const flipped = Buffer.from(bt);
      flipped[100] ^= 0x01; // inside the first signed range
      const hash = await verify(flipped).expect(200);
      expect(hash.body).toMatchObject({
        indication: 'TOTAL_FAILED',
        signatures: [{ subIndication: 'HASH_FAILURE', integrity: 'modified' }],
      });
      const appended = await verify(Buffer.concat([bt, Buffer.from('\n% added later\n%%EOF\n')])).expect(200);
      expect(appended.body).toMatchObject({
        indication: 'TOTAL_FAILED',
        subIndication: 'MODIFIED_AFTER_SIGNING',
        signatures: [{ coversWholeDocument: false, indication: 'TOTAL_PASSED' }],
      });
    });

    it('a damaged time-stamp token (outside what the signature covers) never passes and never gives a 5xx', async () => {
      const message = SignedMessage.parse(findSignatures(bt)[0].contents);
      const tokenHex = message.unsignedAttribute(OID.signatureTimeStampToken)!.toString('hex');
      const at = bt.toString('latin1').indexOf(tokenHex) + Math.floor(tokenHex.length / 2);
      const damaged = Buffer.from(bt);
      damaged[at] = damaged[at] === 0x30 ? 0x31 : 0x30;
      const report = await verify(damaged).expect(200);
      // Depending on the byte, the CMS no longer parses (FORMAT_FAILURE) or the token fails its checks.
      expect(['TOTAL_FAILED/FORMAT_FAILURE', 'INDETERMINATE/TIMESTAMP_NOT_VALID']).toContain(
        `${report.body.indication}/${report.body.signatures[0].subIndication}`,
      );
    });

    it('answers a non-PDF, a truncated PDF, an empty body and another media type with a 4xx', async () => {
      expect((await verify(Buffer.from('GIF89a not a pdf'))).status).toBe(422);
      const truncated = await verify(bt.subarray(0, bt.length / 2));
      expect({ status: truncated.status, detail: truncated.body.detail }).toEqual({
        status: 422,
        detail: expect.stringMatching(/truncated/),
      });
      expect((await verify(Buffer.alloc(0))).status).toBe(400);
      await request(url)
        .post('/api/v1/verifications')
        .set('content-type', 'application/json')
        .send({ pdf: 'x' })
        .expect(415);
    });

    it('publishes revocations on a CRL openssl accepts; a B-T signature made before stays valid, a B-B one becomes indeterminate', async () => {
      const fetchCrl = async (): Promise<Buffer> =>
        (await request(url).get('/api/v1/crl').buffer(true).parse(binaryBody).expect(200)).body;
      // Served as issued: asking again neither signs again nor uses up a CRL number.
      const before = await fetchCrl();
      expect((await fetchCrl()).equals(before)).toBe(true);
      await post(`/api/v1/certificates/${certificates.specialist.id}/revocation`, tokens.admin, {
        reason: 'affiliationChanged',
      }).expect(200);
      await post(`/api/v1/certificates/${certificates.specialist.id}/revocation`, tokens.admin, {
        reason: 'affiliationChanged',
      }).expect(409);
      const crl = { body: await fetchCrl() };
      expect(crl.body.equals(before)).toBe(false);
      const text = execFileSync(
        'openssl',
        [
          'crl',
          '-inform',
          'DER',
          '-in',
          file('crl.der', crl.body),
          '-text',
          '-noout',
          '-CAfile',
          file('cas.pem', running.pki.root.certificate.pem + running.pki.issuing.certificate.pem),
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      expect(text).toContain(`Serial Number: ${certificates.specialist.serialNumber}`);
      expect(text).toMatch(/Affiliation Changed/);
      const report = await verify(bt).expect(200);
      expect(report.body).toMatchObject({
        indication: 'TOTAL_PASSED',
        signatures: [{ revocation: { status: 'revoked' } }],
      });
      expect((await verify(bb).expect(200)).body).toMatchObject({
        indication: 'INDETERMINATE',
        subIndication: 'REVOKED_NO_POE',
      });
      const refused = await post('/api/v1/signatures', tokens.specialist, {
        document: pdf.toString('base64'),
        certificateId: certificates.specialist.id,
      }).expect(409);
      expect(refused.body.detail).toMatch(/revoked/);
    });

    it("signs with no one's key but the owner's in the owner's province: the same subject from another province is refused", async () => {
      const sameSubjectElsewhere = await tokenFor('unit-leader', '00004', '01', 'leader');
      const refused = await post('/api/v1/signatures', sameSubjectElsewhere, {
        document: pdf.toString('base64'),
        certificateId: certificates.leader.id,
      }).expect(422);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'certificateId' })]);
      await request(url)
        .get(`/api/v1/certificates/${certificates.leader.id}`)
        .auth(sameSubjectElsewhere, { type: 'bearer' })
        .expect(404);
    });

    it('a locked key signs nothing until an administrator unlocks it', async () => {
      await post(`/api/v1/certificates/${certificates.leader.id}/lock`, tokens.leader, {
        reason: 'USB token lost',
      }).expect(200);
      const refused = await post('/api/v1/signatures', tokens.leader, {
        document: pdf.toString('base64'),
        certificateId: certificates.leader.id,
      }).expect(409);
      expect(refused.body.detail).toMatch(/locked/);
      await post(`/api/v1/certificates/${certificates.leader.id}/unlock`, tokens.leader, {}).expect(403);
      await post(`/api/v1/certificates/${certificates.leader.id}/unlock`, tokens.admin, {}).expect(200);
      await post('/api/v1/signatures', tokens.leader, {
        document: pdf.toString('base64'),
        certificateId: certificates.leader.id,
      }).expect(201);
    });

    it('after the certificate expired: B-T still passes on its time-stamp, B-B is indeterminate, and signing is refused', async () => {
      const leaderBt = await post('/api/v1/signatures', tokens.leader, {
        document: pdf.toString('base64'),
        certificateId: certificates.leader.id,
      }).expect(201);
      const leaderBb = await post('/api/v1/signatures', tokens.leader, {
        document: pdf.toString('base64'),
        certificateId: certificates.leader.id,
        level: 'B-B',
      }).expect(201);
      const [signedBt, signedBb] = [await download(leaderBt.body.documentId), await download(leaderBb.body.documentId)];
      clock.set(new Date(running.pki.officers.get('leader')!.certificate.notAfter.getTime() + 86_400_000));
      expect((await verify(signedBt).expect(200)).body.indication).toBe('TOTAL_PASSED');
      expect((await verify(signedBb).expect(200)).body).toMatchObject({
        indication: 'INDETERMINATE',
        subIndication: 'OUT_OF_BOUNDS_NO_POE',
      });
      const refused = await post('/api/v1/signatures', tokens.leader, {
        document: pdf.toString('base64'),
        certificateId: certificates.leader.id,
      }).expect(409);
      expect(refused.body.detail).toMatch(/not valid now/);
      clock.set(new Date());
    });
  });

  it('a device key locked while a result waits for it fails the request, so the dossier does not wait forever', async () => {
    const requested = signatureRequestedEvent({
      code: `${UNIT}-261123-0042`,
      unitCode: UNIT,
      signerId: 'device-holder',
      at: clock.now(),
    });
    const { requestId } = requested.payload;
    // Routing's event, written as routing writes it: through an outbox, here the service's own.
    await running.service.database.dataSource.transaction((tx) =>
      running.service.app.get(OutboxWriter).append(tx, [requested]),
    );
    const waiting = async () =>
      (
        await request(url).get('/api/v1/signature-requests').auth(tokens.device, { type: 'bearer' }).expect(200)
      ).body.items.map((item: { id: string }) => item.id);
    await waitFor(async () => (await waiting()).includes(requestId), 30_000, 'the result waiting for the device');
    await post(`/api/v1/certificates/${certificates.device.id}/lock`, tokens.device, {
      reason: 'USB token lost',
    }).expect(200);
    expect(await waiting()).not.toContain(requestId);
    // What routing receives: the failure on the topic (the relay empties the outbox as it publishes).
    const isFailure = (message: { value: string }) => JSON.parse(message.value).type === 'SignatureFailed';
    const messages = await readTopic(
      TOPICS.signature,
      (key) => key === requested.payload.dossierId,
      (read) => read.some(isFailure),
    );
    const failed = messages.filter(isFailure).map((message) => JSON.parse(message.value));
    expect(failed).toHaveLength(1);
    expect(failed[0].payload).toMatchObject({ requestId, reason: expect.stringMatching(/locked: USB token lost/) });
  });

  describe('with an external time-stamping authority (TSA_URL)', () => {
    let client: SignatureServiceUnderTest | undefined;
    afterAll(async () => client?.close());

    it("time-stamps through the configured TSA's RFC 3161 endpoint, and refuses with 503 when it is down", async () => {
      // A TSA it does not trust is refused; once its root is a trust anchor, its tokens are taken.
      client = await startSignatureService([{ id: 'remote-signer', name: 'Phan Văn Đức', unitCode: UNIT }], {
        TSA_URL: `${url}/api/v1/tsa`,
      });
      const admin = await tokenFor('province-admin', undefined, '46', 'admin');
      const signer = await tokenFor('unit-leader', UNIT, '46', 'remote-signer');
      const untrusting = await registerOfficer(
        client.service.url,
        admin,
        client.pki.officers.get('remote-signer')!,
        client.pki,
        'remote-signer',
        UNIT,
      );
      const refused = await request(client.service.url)
        .post('/api/v1/signatures')
        .auth(signer, { type: 'bearer' })
        .send({ document: pdf.toString('base64'), certificateId: untrusting.id })
        .expect(503);
      expect(refused.body.detail).toMatch(/not trusted/);
      await client.close();

      client = await startSignatureService(
        [{ id: 'remote-signer', name: 'Phan Văn Đức', unitCode: UNIT }],
        { TSA_URL: `${url}/api/v1/tsa` },
        { alsoTrusted: [running.pki.root.certificate] },
      );
      const certificate = await registerOfficer(
        client.service.url,
        admin,
        client.pki.officers.get('remote-signer')!,
        client.pki,
        'remote-signer',
        UNIT,
      );
      const signed = await request(client.service.url)
        .post('/api/v1/signatures')
        .auth(signer, { type: 'bearer' })
        .send({ document: pdf.toString('base64'), certificateId: certificate.id })
        .expect(201);
      const document = (
        await request(client.service.url)
          .get(`/api/v1/documents/${signed.body.documentId}`)
          .auth(signer, { type: 'bearer' })
          .buffer(true)
          .parse(binaryBody)
          .expect(200)
      ).body as Buffer;
      // The token is the first service's: it verifies against that service's PKI, not the signer's.
      expect(opensslVerifiesTimeStamp(document)).toBe('Verification: OK');
      await client.close();

      client = await startSignatureService([{ id: 'remote-signer', name: 'Phan Văn Đức', unitCode: UNIT }], {
        TSA_URL: 'http://127.0.0.1:9/tsa',
      });
      const again = await registerOfficer(
        client.service.url,
        admin,
        client.pki.officers.get('remote-signer')!,
        client.pki,
        'remote-signer',
        UNIT,
      );
      const down = await request(client.service.url)
        .post('/api/v1/signatures')
        .auth(signer, { type: 'bearer' })
        .send({ document: pdf.toString('base64'), certificateId: again.id })
        .expect(503);
      expect(down.body.detail).toMatch(/cannot be reached/);
      const stored = await client.service.database.dataSource.query('SELECT count(*)::int AS n FROM documents');
      expect(stored[0].n).toBe(0);
    }, 120_000);
  });
});
