import { assertCompletePdf, PdfFormatError } from './pdf-format';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFPage,
  PDFRef,
  PDFString,
} from 'pdf-lib';

/** Room for the CMS signature in /Contents: certificates and a time-stamp token fit with margin. */
export const SIGNATURE_CAPACITY = 16_384;

export interface SignatureDictionary {
  signerName: string;
  signingTime: Date;
  reason?: string;
  location?: string;
}

export interface SignaturePlaceholder {
  pdf: Buffer;
  /** [start, length, start, length] of the signed bytes: all but the /Contents hex string. */
  byteRange: [number, number, number, number];
  fieldName: string;
}

const latin1 = (text: string) => Buffer.from(text, 'latin1');

/** The offset of the last cross-reference section, which the update's trailer points back to. */
function lastCrossReferenceOffset(pdf: Buffer): number {
  const tail = pdf.subarray(-1024).toString('latin1');
  const match = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!match) throw new PdfFormatError('the PDF has no startxref before its end');
  return Number(match[1]);
}

function serialise(object: PDFObject): Buffer {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return Buffer.from(bytes);
}

/** Vietnam's time is UTC+7 all year (no daylight saving), the offset every date below writes. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** D:YYYYMMDDHHmmSS+07'00' in Vietnam's time, as signature dictionaries write the claimed time. */
export function pdfDate(instant: Date): string {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `D:${local.slice(0, 4)}${local.slice(5, 7)}${local.slice(8, 10)}${local.slice(11, 13)}${local.slice(14, 16)}${local.slice(17, 19)}+07'00'`;
}

const textString = (text: string) => serialise(PDFHexString.fromText(text)).toString('latin1');

/**
 * Adds an (invisible) signature field whose value is a signature dictionary with an empty
 * /Contents, as an incremental update: the original bytes stay untouched, so any earlier signature
 * keeps covering exactly what it covered. The cross-reference section of the update is a classic
 * table with /Prev pointing at the previous one, whatever form that one takes.
 */
export async function addSignaturePlaceholder(
  pdf: Buffer,
  dictionary: SignatureDictionary,
): Promise<SignaturePlaceholder> {
  assertCompletePdf(pdf);
  const previousXref = lastCrossReferenceOffset(pdf);
  let document: PDFDocument;
  try {
    document = await PDFDocument.load(pdf, { updateMetadata: false });
  } catch (error) {
    throw new PdfFormatError(`the PDF cannot be read: ${(error as Error).message.split('\n')[0]}`);
  }
  const context = document.context;
  const catalogRef = context.trailerInfo.Root;
  let page: PDFPage | undefined;
  let acroForm: PDFDict | undefined;
  let fields: PDFObject[];
  try {
    if (!(catalogRef instanceof PDFRef) || !(context.lookup(catalogRef) instanceof PDFDict))
      throw new Error('no document catalogue');
    page = document.getPages()[0];
    acroForm = document.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
    fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray)?.asArray() ?? [];
  } catch (error) {
    throw new PdfFormatError(`the PDF's structure cannot be read: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!page) throw new PdfFormatError('the PDF has no page');
  const fieldName = unusedFieldName(fields, context);

  const first = context.largestObjectNumber + 1;
  const signatureRef = PDFRef.of(first);
  const widgetRef = PDFRef.of(first + 1);
  const acroFormRef = PDFRef.of(first + 2);

  const widget = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(fieldName),
    V: signatureRef,
    P: page.ref,
    Rect: [0, 0, 0, 0],
    F: 132, // print + locked
  });
  const newAcroForm = acroForm ? (acroForm.clone(context) as PDFDict) : context.obj({});
  newAcroForm.set(PDFName.of('Fields'), context.obj([...fields, widgetRef]));
  newAcroForm.set(PDFName.of('SigFlags'), PDFNumber.of(3));
  const newCatalog = document.catalog.clone(context) as PDFDict;
  newCatalog.set(PDFName.of('AcroForm'), acroFormRef);
  const newPage = page.node.clone(context) as PDFDict;
  const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [];
  newPage.set(PDFName.of('Annots'), context.obj([...annotations, widgetRef]));

  const placeholderRange = '/ByteRange [0 0000000000 0000000000 0000000000]';
  const signatureDictionary = latin1(
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${placeholderRange} /Contents <${'0'.repeat(SIGNATURE_CAPACITY * 2)}>` +
      ` /M (${pdfDate(dictionary.signingTime)}) /Name ${textString(dictionary.signerName)}` +
      (dictionary.reason ? ` /Reason ${textString(dictionary.reason)}` : '') +
      (dictionary.location ? ` /Location ${textString(dictionary.location)}` : '') +
      ' >>',
  );

  const objects: { ref: PDFRef; body: Buffer }[] = [
    { ref: signatureRef, body: signatureDictionary },
    { ref: widgetRef, body: serialise(widget) },
    { ref: acroFormRef, body: serialise(newAcroForm) },
    { ref: catalogRef, body: serialise(newCatalog) },
    { ref: page.ref, body: serialise(newPage) },
  ];
  const parts: Buffer[] = [pdf, latin1(pdf.at(-1) === 0x0a ? '' : '\n')];
  let offset = parts[0].length + parts[1].length;
  const offsets = new Map<number, { offset: number; generation: number }>();
  for (const { ref, body } of objects) {
    const chunk = Buffer.concat([
      latin1(`${ref.objectNumber} ${ref.generationNumber} obj\n`),
      body,
      latin1('\nendobj\n'),
    ]);
    offsets.set(ref.objectNumber, { offset, generation: ref.generationNumber });
    parts.push(chunk);
    offset += chunk.length;
  }
  parts.push(crossReferenceSection(offsets, context, catalogRef, previousXref, first + 3, offset));
  const updated = Buffer.concat(parts);

  const contentsStart =
    updated.indexOf('/Contents <', offsets.get(signatureRef.objectNumber)!.offset) + '/Contents '.length;
  const contentsEnd = contentsStart + SIGNATURE_CAPACITY * 2 + 2;
  const byteRange: [number, number, number, number] = [0, contentsStart, contentsEnd, updated.length - contentsEnd];
  const rangeText = `/ByteRange [${byteRange.join(' ')}]`.padEnd(placeholderRange.length, ' ');
  updated.write(rangeText, updated.indexOf(placeholderRange, offsets.get(signatureRef.objectNumber)!.offset), 'latin1');
  return { pdf: updated, byteRange, fieldName };
}

/** SignatureN with the first N no top-level field already uses. */
function unusedFieldName(fields: PDFObject[], context: PDFDocument['context']): string {
  const taken = new Set(
    fields.map((field) =>
      context.lookupMaybe(field, PDFDict)?.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString)?.decodeText(),
    ),
  );
  let n = 1;
  while (taken.has(`Signature${n}`)) n += 1;
  return `Signature${n}`;
}

function crossReferenceSection(
  offsets: Map<number, { offset: number; generation: number }>,
  context: PDFDocument['context'],
  root: PDFRef,
  previous: number,
  size: number,
  at: number,
): Buffer {
  const numbers = [...offsets.keys()].sort((a, b) => a - b);
  let table = 'xref\n';
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    table += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const entry = offsets.get(numbers[k])!;
      table += `${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n \n`;
    }
    i = j + 1;
  }
  const trailer = context.obj({ Size: Math.max(size, context.largestObjectNumber + 1), Root: root, Prev: previous });
  const info = context.trailerInfo.Info;
  if (info instanceof PDFRef) trailer.set(PDFName.of('Info'), info);
  const id = context.trailerInfo.ID;
  if (id instanceof PDFArray) trailer.set(PDFName.of('ID'), id);
  return Buffer.concat([latin1(table), latin1('trailer\n'), serialise(trailer), latin1(`\nstartxref\n${at}\n%%EOF\n`)]);
}
