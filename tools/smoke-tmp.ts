import { createDevPki, OID, prepareSignature, completeSignature, respondToTimeStampRequest, timeStampRequest, tokenOf, addSignaturePlaceholder } from '@onestop/pades';
import { PDFDocument } from 'pdf-lib';
import { randomBytes, sign } from 'node:crypto';
(async () => {
  const pki = await createDevPki({ officers: [{ id: 'u', name: 'A', unitCode: '1' }] });
  const o = pki.officers.get('u')!;
  const d = await PDFDocument.create(); d.addPage(); await d.attach(randomBytes(98_000), 'scan.bin', { mimeType: 'application/octet-stream' });
  const pdf = Buffer.from(await d.save({ useObjectStreams: false }));
  const t = (label: string, n: number, f: () => Promise<unknown> | unknown) => (async () => { const s = performance.now(); for (let i = 0; i < n; i++) await f(); console.log(label, ((performance.now() - s) / n).toFixed(2), 'ms'); })();
  await t('load', 20, () => PDFDocument.load(pdf, { updateMetadata: false }));
  await t('placeholder', 20, () => addSignaturePlaceholder(pdf, { signerName: 'x', signingTime: new Date() }));
  await t('prepare', 20, () => prepareSignature(pdf, o.certificate, { signerName: 'x', signingTime: new Date() }));
  const p = await prepareSignature(pdf, o.certificate, { signerName: 'x', signingTime: new Date() });
  const tsa = { certificate: pki.tsa.certificate, chain: [pki.issuing.certificate], privateKey: pki.tsa.privateKey, policy: OID.devTsaPolicy };
  await t('tsa', 20, () => tokenOf(respondToTimeStampRequest(timeStampRequest(randomBytes(32)), tsa, new Date(), 5n)));
  const v = sign('sha256', p.signedAttributes, o.privateKey);
  await t('complete B-B', 20, () => completeSignature(p, { signer: o.certificate, chain: [pki.issuing.certificate], signatureAlgorithm: OID.sha256WithRsa, signatureValue: v, level: 'B-B' }));
})();
