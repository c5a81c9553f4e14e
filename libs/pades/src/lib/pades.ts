import { PadesError } from './errors';
import { verify } from 'node:crypto';
import { Certificate } from './certificate';
import { assembleSignedData, sha256, signatureTimeStampAttribute, signedAttributes } from './cms';
import { OID } from './oids';
import { PdfFormatError } from './pdf-format';
import { addSignaturePlaceholder, SIGNATURE_CAPACITY, SignatureDictionary } from './pdf-placeholder';
import { findSignatures } from './pdf-signatures';

export type SignatureLevel = 'B-B' | 'B-T';

/** Asks a time-stamping authority for a token over the given SHA-256 digest. */
export type TimeStamper = (digest: Buffer) => Promise<Buffer>;

/**
 * The first half of a PAdES signature: the PDF with its placeholder and the to-be-signed data. It is
 * all a key holder needs (the digest) and all `completeSignature` needs, so it can be stored between
 * the two steps of a remote or device signature.
 */
export interface PreparedSignature {
  pdf: Buffer;
  byteRange: [number, number, number, number];
  fieldName: string;
  /** DER of the signed attributes: the data to be signed. */
  signedAttributes: Buffer;
  /** SHA-256 of `signedAttributes`, what a CSC signHash call or a device signs. */
  digestToSign: Buffer;
}

/** Thrown when a signature value does not fit the prepared signature or its certificate. */
export class SignatureValueError extends PadesError {}

export async function prepareSignature(
  pdf: Buffer,
  signer: Certificate,
  dictionary: SignatureDictionary,
): Promise<PreparedSignature> {
  // Signing over unsigned changes would lend them the new signature's credibility.
  if ((findSignatures(pdf).at(-1)?.bytesAfter ?? 0) > 0)
    throw new PdfFormatError('the PDF has unsigned changes after its last signature');
  const placeholder = await addSignaturePlaceholder(pdf, dictionary);
  const [start, length, secondStart, secondLength] = placeholder.byteRange;
  const documentDigest = sha256(
    placeholder.pdf.subarray(start, start + length),
    placeholder.pdf.subarray(secondStart, secondStart + secondLength),
  );
  const der = signedAttributes(OID.data, documentDigest, signer);
  return {
    pdf: placeholder.pdf,
    byteRange: placeholder.byteRange,
    fieldName: placeholder.fieldName,
    signedAttributes: der,
    digestToSign: sha256(der),
  };
}

export interface Completion {
  signer: Certificate;
  chain: Certificate[];
  signatureAlgorithm: string;
  signatureValue: Buffer;
  level: SignatureLevel;
  timeStamper?: TimeStamper;
}

/**
 * Embeds the CMS signature (with a signature time-stamp for B-T) into the placeholder. The value is
 * checked against the signer's public key first: a wrong value from a device never yields a PDF.
 */
export async function completeSignature(
  prepared: Omit<PreparedSignature, 'digestToSign'>,
  completion: Completion,
): Promise<{ pdf: Buffer; timeStampToken?: Buffer }> {
  const { signer, signatureValue } = completion;
  if (!verify('sha256', prepared.signedAttributes, signer.native.publicKey, signatureValue)) {
    throw new SignatureValueError("the signature value does not verify with the signer's certificate");
  }
  let timeStampToken: Buffer | undefined;
  if (completion.level === 'B-T') {
    if (!completion.timeStamper) throw new SignatureValueError('a B-T signature needs a time-stamping authority');
    timeStampToken = await completion.timeStamper(sha256(signatureValue));
  }
  const cms = assembleSignedData({
    signer,
    chain: completion.chain,
    contentType: OID.data,
    signedAttributes: prepared.signedAttributes,
    signatureAlgorithm: completion.signatureAlgorithm,
    signatureValue,
    unsignedAttributes: timeStampToken ? [signatureTimeStampAttribute(timeStampToken)] : undefined,
  });
  if (cms.length > SIGNATURE_CAPACITY)
    throw new SignatureValueError(
      `the signature (${cms.length} bytes) does not fit the ${SIGNATURE_CAPACITY} reserved`,
    );
  const pdf = Buffer.from(prepared.pdf);
  pdf.write(cms.toString('hex'), prepared.byteRange[1] + 1, 'latin1');
  return { pdf, timeStampToken };
}
