import { execFileSync, spawnSync } from 'node:child_process';
import { sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Certificate } from './certificate';
import { SignedMessage } from './cms-reader';
import { createDevPki, DevPki, issueCertificate, KeyedCertificate } from './dev-pki';
import { algorithmsOf } from './keys';
import { OID } from './oids';
import { completeSignature, prepareSignature, SignatureLevel, SignatureValueError } from './pades';
import { PdfFormatError } from './pdf-format';
import { addSignaturePlaceholder } from './pdf-placeholder';
import { sha256, signedAttributes } from './cms';
import { findSignatures } from './pdf-signatures';
import { respondToTimeStampRequest, timeStampRequest, tokenOf } from './timestamp';
import { Revocation, verifyPdf } from './verify';

const YEAR = 365 * 86_400_000;
let pki: DevPki;
let work: string;
let original: Buffer;

function stamperAt(time: () => Date) {
  const unit = {
    certificate: pki.tsa.certificate,
    chain: [pki.issuing.certificate],
    privateKey: pki.tsa.privateKey,
    policy: OID.devTsaPolicy,
  };
  let serial = 1n;
  return async (digest: Buffer) => tokenOf(respondToTimeStampRequest(timeStampRequest(digest), unit, time(), serial++));
}

async function signAs(
  pdf: Buffer,
  officer: KeyedCertificate,
  level: SignatureLevel = 'B-T',
  at = new Date(),
): Promise<Buffer> {
  const prepared = await prepareSignature(pdf, officer.certificate, {
    signerName: officer.certificate.commonName,
    signingTime: at,
    reason: 'Phê duyệt kết quả',
  });
  const signatureValue = sign('sha256', prepared.signedAttributes, officer.privateKey);
  const completion = {
    signer: officer.certificate,
    chain: [pki.issuing.certificate],
    signatureAlgorithm: algorithmsOf(officer.privateKey).cmsOid,
    signatureValue,
    level,
  };
  return (await completeSignature(prepared, { ...completion, timeStamper: stamperAt(() => at) })).pdf;
}

function policy(revoked: Map<string, Revocation> = new Map(), now = new Date()) {
  return {
    trustAnchors: [pki.root.certificate],
    intermediates: [pki.issuing.certificate],
    revocationOf: (c: Certificate) => revoked.get(c.serialNumber) ?? null,
    now,
  };
}

/** poppler's pdfsig, with the development root trusted in a throw-away NSS database. */
function pdfsig(pdf: Buffer): string {
  const file = join(work, `doc-${Math.random()}.pdf`);
  writeFileSync(file, pdf);
  return spawnSync('pdfsig', ['-nssdir', `sql:${join(work, 'nss')}`, file], { encoding: 'utf8' }).stdout;
}

beforeAll(async () => {
  pki = await createDevPki({
    officers: [
      { id: 'specialist', name: 'Nguyễn Văn An', unitCode: '46.00001' },
      { id: 'leader', name: 'Trần Thị Bình', unitCode: '46.00001' },
    ],
  });
  work = mkdtempSync(join(tmpdir(), 'pades-'));
  execFileSync('mkdir', ['-p', join(work, 'nss')]);
  execFileSync('certutil', ['-N', '-d', `sql:${join(work, 'nss')}`, '--empty-password']);
  writeFileSync(join(work, 'root.pem'), pki.root.certificate.pem);
  execFileSync('certutil', [
    '-A',
    '-d',
    `sql:${join(work, 'nss')}`,
    '-n',
    'onestop-root',
    '-t',
    'CT,C,C',
    '-a',
    '-i',
    join(work, 'root.pem'),
  ]);
  const document = await PDFDocument.create();
  document.addPage().drawText('Quyet dinh', { x: 50, y: 700, font: await document.embedFont(StandardFonts.Helvetica) });
  original = Buffer.from(await document.save({ useObjectStreams: false }));
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('PAdES signatures', () => {
  it('signs B-T twice by incremental update; pdfsig finds both valid, trusted, the last covering everything', async () => {
    const once = await signAs(original, pki.officers.get('specialist')!);
    const twice = await signAs(once, pki.officers.get('leader')!);
    expect(twice.subarray(0, once.length).equals(once)).toBe(true);
    const output = pdfsig(twice);
    expect(output.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    expect(output.match(/Certificate Validation: Certificate is Trusted\./g)).toHaveLength(2);
    expect(output).toMatch(/Signature #2:[\s\S]*Total document signed/);
    expect(output).toMatch(/Signature Type: ETSI\.CAdES\.detached/);

    const report = await verifyPdf(twice, policy());
    expect(report.indication).toBe('TOTAL_PASSED');
    expect(
      report.signatures.map((s) => [s.signer?.commonName, s.level, s.coversWholeDocument, s.changesAfter]),
    ).toEqual([
      ['Nguyễn Văn An', 'B-T', false, 'signatures-only'],
      ['Trần Thị Bình', 'B-T', true, 'none'],
    ]);
  }, 30_000);

  it('an unsigned revision between two signatures fails the document, though both signatures hold', async () => {
    const once = await signAs(original, pki.officers.get('specialist')!);
    const tail = once.subarray(-1024).toString('latin1');
    const previous = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)![1];
    const root = [...tail.matchAll(/\/Root (\d+ \d+ R)/g)].at(-1)![1];
    const object = '\n500 0 obj\n<< /Producer (changed after the first signature) >>\nendobj\n';
    const xrefAt = once.length + object.length;
    const revision = `${object}xref\n500 1\n${String(once.length + 1).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 501 /Root ${root} /Prev ${previous} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const changed = Buffer.concat([once, Buffer.from(revision, 'latin1')]);
    const leader = pki.officers.get('leader')!;
    await expect(signAs(changed, leader)).rejects.toThrow(/unsigned changes/);
    // Another tool signs it anyway: the placeholder and CMS made by hand, as any signer could.
    const placeholder = await addSignaturePlaceholder(changed, { signerName: 'x', signingTime: new Date() });
    const [a, b, c, d] = placeholder.byteRange;
    const attributes = signedAttributes(
      OID.data,
      sha256(placeholder.pdf.subarray(a, a + b), placeholder.pdf.subarray(c, c + d)),
      leader.certificate,
    );
    const { pdf: twice } = await completeSignature(
      { ...placeholder, signedAttributes: attributes },
      {
        signer: leader.certificate,
        chain: [pki.issuing.certificate],
        signatureAlgorithm: OID.sha256WithRsa,
        signatureValue: sign('sha256', attributes, leader.privateKey),
        level: 'B-B',
      },
    );
    const report = await verifyPdf(twice, policy());
    expect(report).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'MODIFIED_AFTER_SIGNING' });
    expect(report.signatures.map((s) => [s.indication, s.changesAfter])).toEqual([
      ['TOTAL_PASSED', 'content'],
      ['TOTAL_PASSED', 'none'],
    ]);
  }, 30_000);

  it('embeds a time-stamp token that openssl ts accepts against the test TSA chain', async () => {
    const signed = await signAs(original, pki.officers.get('leader')!);
    const message = SignedMessage.parse(findSignatures(signed)[0].contents);
    writeFileSync(join(work, 'token.der'), message.unsignedAttribute(OID.signatureTimeStampToken)!);
    writeFileSync(join(work, 'chain.pem'), pki.issuing.certificate.pem + pki.tsa.certificate.pem);
    const digest = require('node:crypto').createHash('sha256').update(message.signatureValue).digest('hex');
    const result = spawnSync(
      'openssl',
      [
        'ts',
        '-verify',
        '-token_in',
        '-in',
        join(work, 'token.der'),
        '-digest',
        digest,
        '-CAfile',
        join(work, 'root.pem'),
        '-untrusted',
        join(work, 'chain.pem'),
      ],
      { encoding: 'utf8' },
    );
    expect(result.stdout.trim()).toBe('Verification: OK');
    const other = spawnSync(
      'openssl',
      [
        'ts',
        '-verify',
        '-token_in',
        '-in',
        join(work, 'token.der'),
        '-digest',
        '00'.repeat(32),
        '-CAfile',
        join(work, 'root.pem'),
        '-untrusted',
        join(work, 'chain.pem'),
      ],
      { encoding: 'utf8' },
    );
    expect(other.stdout.trim()).not.toBe('Verification: OK');
  }, 30_000);

  it('a flipped byte in the signed content fails the hash, for us and for pdfsig', async () => {
    const signed = await signAs(original, pki.officers.get('leader')!);
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('/Type /Page');
    tampered[at] ^= 0x01;
    expect((await verifyPdf(tampered, policy())).signatures[0]).toMatchObject({
      indication: 'TOTAL_FAILED',
      subIndication: 'HASH_FAILURE',
      integrity: 'modified',
    });
    expect(pdfsig(tampered)).not.toMatch(/Signature is Valid/);
  }, 30_000);

  it('bytes appended after the last signature fail the document, though the signature itself holds', async () => {
    const signed = await signAs(original, pki.officers.get('leader')!);
    const appended = Buffer.concat([signed, Buffer.from('\n1 0 obj\n<< >>\nendobj\n%%EOF\n')]);
    const report = await verifyPdf(appended, policy());
    expect(report).toMatchObject({ indication: 'TOTAL_FAILED', subIndication: 'MODIFIED_AFTER_SIGNING' });
    expect(report.signatures[0]).toMatchObject({
      indication: 'TOTAL_PASSED',
      coversWholeDocument: false,
      bytesAfter: appended.length - signed.length,
    });
  }, 30_000);

  it('a certificate revoked before the time-stamp fails; revoked without a time-stamp is indeterminate; revoked later still passes', async () => {
    const leader = pki.officers.get('leader')!;
    const signedAt = new Date();
    const bt = await signAs(original, leader, 'B-T', signedAt);
    const bb = await signAs(original, leader, 'B-B', signedAt);
    const revokedBefore = new Map([
      [leader.certificate.serialNumber, { revokedAt: new Date(signedAt.getTime() - 60_000), reason: 'keyCompromise' }],
    ]);
    const revokedAfter = new Map([
      [
        leader.certificate.serialNumber,
        { revokedAt: new Date(signedAt.getTime() + 60_000), reason: 'affiliationChanged' },
      ],
    ]);
    expect((await verifyPdf(bt, policy(revokedBefore))).signatures[0]).toMatchObject({
      indication: 'TOTAL_FAILED',
      subIndication: 'REVOKED',
    });
    expect((await verifyPdf(bb, policy(revokedBefore))).signatures[0]).toMatchObject({
      indication: 'INDETERMINATE',
      subIndication: 'REVOKED_NO_POE',
    });
    expect((await verifyPdf(bt, policy(revokedAfter))).indication).toBe('TOTAL_PASSED');
  }, 30_000);

  it('after the certificate expired: a B-B signature is indeterminate, a B-T one still passes', async () => {
    const leader = pki.officers.get('leader')!;
    const later = new Date(leader.certificate.notAfter.getTime() + YEAR);
    expect(
      (await verifyPdf(await signAs(original, leader, 'B-B'), policy(new Map(), later))).signatures[0],
    ).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE' });
    expect((await verifyPdf(await signAs(original, leader, 'B-T'), policy(new Map(), later))).indication).toBe(
      'TOTAL_PASSED',
    );
  }, 30_000);

  it('a certificate from an unknown CA has no chain', async () => {
    const stranger = await issueCertificate({
      subject: 'C=VN, CN=Stranger',
      kind: 'signer',
      notBefore: new Date(Date.now() - YEAR),
      notAfter: new Date(Date.now() + YEAR),
    });
    const prepared = await prepareSignature(original, stranger.certificate, {
      signerName: 'Stranger',
      signingTime: new Date(),
    });
    const signatureValue = sign('sha256', prepared.signedAttributes, stranger.privateKey);
    const { pdf } = await completeSignature(prepared, {
      signer: stranger.certificate,
      chain: [],
      signatureAlgorithm: OID.sha256WithRsa,
      signatureValue,
      level: 'B-B',
    });
    expect((await verifyPdf(pdf, policy())).signatures[0]).toMatchObject({
      indication: 'INDETERMINATE',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    });
  }, 30_000);

  it('refuses a signature value that is not the signer’s over the prepared data', async () => {
    const leader = pki.officers.get('leader')!;
    const prepared = await prepareSignature(original, leader.certificate, { signerName: 'x', signingTime: new Date() });
    const wrong = sign('sha256', Buffer.from('something else'), leader.privateKey);
    await expect(
      completeSignature(prepared, {
        signer: leader.certificate,
        chain: [],
        signatureAlgorithm: OID.sha256WithRsa,
        signatureValue: wrong,
        level: 'B-B',
      }),
    ).rejects.toThrow(SignatureValueError);
  });

  it('refuses bytes that are not a PDF, and a truncated PDF', async () => {
    const leader = pki.officers.get('leader')!;
    await expect(
      prepareSignature(Buffer.from('hello'), leader.certificate, { signerName: 'x', signingTime: new Date() }),
    ).rejects.toThrow(PdfFormatError);
    await expect(
      prepareSignature(original.subarray(0, original.length - 40), leader.certificate, {
        signerName: 'x',
        signingTime: new Date(),
      }),
    ).rejects.toThrow(/truncated/);
    await expect(verifyPdf(original.subarray(0, 200), policy())).rejects.toThrow(PdfFormatError);
  });
});
