import { readElement } from './der';
import { assertCompletePdf, PdfFormatError } from './pdf-format';

/** One signature of a PDF as it stands in the file, before any cryptography. */
export interface PdfSignature {
  byteRange: [number, number, number, number];
  /** The CMS bytes of /Contents, without the zero padding. */
  contents: Buffer;
  subFilter: string | null;
  claimedSigningTime: Date | null;
  signerName: string | null;
  reason: string | null;
  /** The signed bytes start at 0 and are whole but for /Contents itself. */
  wellFormedRange: boolean;
  /** Bytes of the file after the signed revision (a later revision, or tampering). */
  bytesAfter: number;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** Decodes a PDF text string written as a literal (PDFDocEncoding/latin1) or UTF-16BE hex string. */
function textOf(dictionary: string, key: string): string | null {
  const hex = new RegExp(`/${key}\\s*<([0-9A-Fa-f\\s]*)>`).exec(dictionary);
  if (hex) {
    const bytes = Buffer.from(hex[1].replace(/\s+/g, ''), 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  const literal = new RegExp(`/${key}\\s*\\(((?:\\\\.|[^\\\\)])*)\\)`).exec(dictionary);
  return literal ? literal[1].replace(/\\(.)/g, '$1') : null;
}

/** D:YYYYMMDDHHmmSS with an optional offset (Z, +HH'mm') into an instant. */
export function parsePdfDate(text: string | null): Date | null {
  const match = text && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!match) return null;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
  const instant = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/**
 * Finds every signature dictionary of the PDF by its /ByteRange, with the /Contents the range
 * leaves out. Signature dictionaries are never in compressed object streams (their offsets must be
 * fixed), so a scan of the file's bytes finds them all.
 */
export function findSignatures(pdf: Buffer): PdfSignature[] {
  assertCompletePdf(pdf);
  const text = pdf.toString('latin1');
  const signatures: PdfSignature[] = [];
  for (const match of text.matchAll(BYTE_RANGE)) {
    const byteRange = match.slice(1, 5).map(Number) as [number, number, number, number];
    const [start, length, secondStart, secondLength] = byteRange;
    const gapOk = pdf[length] === 0x3c && pdf[secondStart - 1] === 0x3e && secondStart > length;
    if (!gapOk)
      throw new PdfFormatError(
        `the signature at offset ${match.index} has a /ByteRange that does not frame its /Contents`,
      );
    const hex = text.slice(length + 1, secondStart - 1);
    // The gap is unsigned: anything but hex digits there (a forged /M, an endobj) is tampering.
    if (!/^[0-9A-Fa-f]*$/.test(hex))
      throw new PdfFormatError(`the signature at offset ${match.index} has unsigned bytes beside its /Contents`);
    const raw = Buffer.from(hex, 'hex');
    let contents = raw;
    try {
      contents = raw.subarray(0, readElement(raw).end);
    } catch {
      // left whole: reading the CMS will say what is wrong with it
    }
    // The dictionary's entries as signed: the object's text without the (unsigned) /Contents gap.
    const objectStart = text.lastIndexOf(' obj', match.index);
    const objectEnd = text.indexOf('endobj', secondStart);
    const dictionary = text.slice(objectStart, length) + text.slice(secondStart, objectEnd < 0 ? undefined : objectEnd);
    const signedEnd = secondStart + secondLength;
    signatures.push({
      byteRange,
      contents,
      subFilter: /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(dictionary)?.[1] ?? null,
      claimedSigningTime: parsePdfDate(textOf(dictionary, 'M')),
      signerName: textOf(dictionary, 'Name'),
      reason: textOf(dictionary, 'Reason'),
      wellFormedRange: start === 0 && signedEnd <= pdf.length,
      bytesAfter: Math.max(0, pdf.length - signedEnd),
    });
  }
  return signatures.sort((a, b) => a.byteRange[2] + a.byteRange[3] - (b.byteRange[2] + b.byteRange[3]));
}

/** The bytes a signature covers, as the two parts of its byte range. */
export function signedParts(pdf: Buffer, signature: PdfSignature): [Buffer, Buffer] {
  const [start, length, secondStart, secondLength] = signature.byteRange;
  return [pdf.subarray(start, start + length), pdf.subarray(secondStart, secondStart + secondLength)];
}
