import { PDFDict, PDFDocument, PDFName, PDFObject, PDFRef, PDFStream } from 'pdf-lib';

const OBJECT_HEADER = /(\d+)\s+(\d+)\s+obj\b/g;

/** pdf-lib's reading of the bytes, or null when they are not a PDF it can read. */
export async function loadPdf(bytes: Buffer): Promise<PDFDocument | null> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return null;
  }
}

function text(object: PDFObject | undefined): string {
  if (!object) return '';
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return Buffer.from(bytes).toString('latin1');
}

/** A dictionary without the entries a signature update may change, for comparison. */
function withoutSignatureEntries(dict: PDFDict, keys: string[], context: PDFDocument['context']): string {
  const copy = dict.clone(context);
  for (const key of keys) copy.delete(PDFName.of(key));
  return text(copy);
}

/**
 * Whether the revisions written after the first `signedLength` bytes only add signatures: new
 * signature dictionaries, signature widgets and the AcroForm, and the catalogue and pages
 * rewritten with nothing changed but /AcroForm and /Annots. Anything else (a page's content, a
 * font, an object stream that could redefine any object) is a change to what was signed.
 */
export async function laterRevisionsOnlyAddSignatures(
  pdf: Buffer,
  signedLength: number,
  whole: () => Promise<PDFDocument | null>,
): Promise<boolean> {
  const appended = pdf.subarray(signedLength).toString('latin1');
  if (/\/Type\s*\/ObjStm/.test(appended)) return false;
  const [before, after] = await Promise.all([loadPdf(pdf.subarray(0, signedLength)), whole()]);
  if (!before || !after) return false;
  for (const match of appended.matchAll(OBJECT_HEADER)) {
    const ref = PDFRef.of(Number(match[1]), Number(match[2]));
    const now = after.context.lookup(ref);
    if (now instanceof PDFStream) {
      if (now.dict.get(PDFName.of('Type')) === PDFName.of('XRef')) continue;
      return false;
    }
    if (!(now instanceof PDFDict)) return false;
    const type = now.get(PDFName.of('Type'));
    if (type === PDFName.of('Sig') || now.get(PDFName.of('FT')) === PDFName.of('Sig')) continue;
    const was = before.context.lookup(ref);
    if (!was) {
      if (now.has(PDFName.of('Fields')) && now.has(PDFName.of('SigFlags'))) continue; // a new AcroForm
      return false;
    }
    if (!(was instanceof PDFDict)) return false;
    const ignored =
      type === PDFName.of('Catalog')
        ? ['AcroForm']
        : type === PDFName.of('Page')
          ? ['Annots']
          : now.has(PDFName.of('SigFlags'))
            ? ['Fields', 'SigFlags']
            : [];
    if (withoutSignatureEntries(now, ignored, after.context) !== withoutSignatureEntries(was, ignored, before.context))
      return false;
  }
  return true;
}
