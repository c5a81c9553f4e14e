import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Renderer = 'poppler' | 'ghostscript';

/** 300 dpi: Tesseract reads the diacritics of 12-point text reliably from it, as it does not at 150. */
const DPI = 300;

function render(renderer: Renderer, pdf: string, png: string): void {
  if (renderer === 'poppler')
    execFileSync(
      'pdftoppm',
      ['-r', String(DPI), '-f', '1', '-l', '1', '-png', '-singlefile', pdf, png.replace(/\.png$/, '')],
      { stdio: 'pipe' },
    );
  else
    execFileSync(
      'gs',
      [
        '-q',
        '-dSAFER',
        '-dBATCH',
        '-dNOPAUSE',
        '-dFirstPage=1',
        '-dLastPage=1',
        '-sDEVICE=png16m',
        `-r${DPI}`,
        '-dTextAlphaBits=4',
        '-dGraphicsAlphaBits=4',
        `-sOutputFile=${png}`,
        pdf,
      ],
      { stdio: 'pipe' },
    );
}

/**
 * The first page of a PDF as a person sees it: drawn by a PDF renderer (poppler's pdftoppm or
 * Ghostscript), then read back by OCR (Tesseract, Vietnamese). The text is NFC, its whitespace and
 * dashes made uniform, since OCR lays out columns and spacing its own way.
 */
export function readRenderedPage(pdf: Buffer, renderer: Renderer): { text: string; png: Buffer } {
  const work = mkdtempSync(join(tmpdir(), 'rendered-page-'));
  try {
    writeFileSync(join(work, 'document.pdf'), pdf);
    render(renderer, join(work, 'document.pdf'), join(work, 'page.png'));
    const text = execFileSync('tesseract', [join(work, 'page.png'), '-', '-l', 'vie'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { text: normalised(text), png: readFileSync(join(work, 'page.png')) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const normalised = (text: string) =>
  text
    .normalize('NFC')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
