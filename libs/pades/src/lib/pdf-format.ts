import { PadesError } from './errors';
/** Thrown for bytes that are not a complete, unencrypted PDF we can add a signature to. */
export class PdfFormatError extends PadesError {}

/** Checks the bytes look like a whole PDF: a header at the start, an end-of-file marker at the end. */
export function assertCompletePdf(pdf: Buffer): void {
  if (pdf.indexOf('%PDF-') !== 0) throw new PdfFormatError('the document is not a PDF (no %PDF- header)');
  if (pdf.subarray(-1024).lastIndexOf('%%EOF') < 0)
    throw new PdfFormatError('the PDF is truncated (no %%EOF at its end)');
}
