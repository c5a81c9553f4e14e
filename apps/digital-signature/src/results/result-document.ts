import fontkit from '@pdf-lib/fontkit';
import { localDateOf } from '@onestop/calendar';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';

/** What the result of a decision shows. */
export interface ResultContent {
  code: string;
  unitCode: string;
  procedureName: { vi: string; en: string };
  outcome: 'approved' | 'rejected';
  reason: string | null;
  applicantName: string;
  decidedAt: Date;
  signerName: string;
  verificationUrl: string;
}

// Noto Sans covers Vietnamese; the standard PDF fonts do not. Resolved from the working directory so
// the bundled service finds the package as installed beside it.
const fontFile = () => createRequire(join(process.cwd(), 'package.json')).resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf');
let fontBytes: Buffer | undefined;

/**
 * pdf-lib parses the font anew for every document, and laying text out on a fresh copy cost about
 * half of a render's time. Each font is parsed once and shared; every document still embeds a subset
 * of its own.
 */
const parsedFonts = new WeakMap<Uint8Array, ReturnType<typeof fontkit.create>>();
const sharedFontkit = {
  create(bytes: Uint8Array) {
    if (!parsedFonts.has(bytes)) parsedFonts.set(bytes, fontkit.create(bytes));
    return parsedFonts.get(bytes)!;
  },
};

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

function drawQr(page: PDFPage, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) page.drawRectangle({ x: x + column * cell, y: y + size - (row + 1) * cell, width: cell, height: cell, color: rgb(0, 0, 0) });
    }
  }
}

const vietnamDate = (instant: Date) => {
  const [year, month, day] = localDateOf(instant).split('-').map(Number);
  return `Ngày ${day} tháng ${month} năm ${year}`;
};

/**
 * The result document of a decision: a one-page notice with the dossier code, the decision, and a
 * QR code to the public verification page. The text is the administrative notice; the signature
 * that follows is what gives it legal effect.
 */
export async function renderResult(content: ResultContent): Promise<Buffer> {
  fontBytes ??= readFileSync(fontFile());
  const document = await PDFDocument.create();
  document.registerFontkit(sharedFontkit);
  document.setTitle(`Kết quả giải quyết hồ sơ ${content.code}`);
  document.setCreationDate(content.decidedAt);
  document.setModificationDate(content.decidedAt);
  document.setProducer('OneStop');
  // With its glyph composition feature (ccmp) on, Noto Sans draws ụ, ị… as a letter and a
  // combining mark, and the text layer (copy, search, screen readers) read "qụan" and "Thi". With
  // it off, each precomposed Vietnamese letter has a glyph of its own: one glyph, one character.
  const font = await document.embedFont(fontBytes, { subset: true, features: { ccmp: false } });
  const page = document.addPage([595.28, 841.89]); // A4
  let y = 780;
  const write = (text: string, size = 11, indent = 56) => {
    for (const line of wrap(text, font, size, 483 - (indent - 56))) {
      page.drawText(line, { x: indent, y, size, font });
      y -= size * 1.5;
    }
  };
  write('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, 150);
  write('Độc lập - Tự do - Hạnh phúc', 11, 210);
  y -= 20;
  write(content.outcome === 'approved' ? 'THÔNG BÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH' : 'THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ', 13, 90);
  y -= 10;
  write(`Mã hồ sơ: ${content.code}`);
  write(`Thủ tục: ${content.procedureName.vi}`);
  write(`Người nộp hồ sơ: ${content.applicantName}`);
  write(`Cơ quan giải quyết: ${content.unitCode}`);
  y -= 6;
  write(content.outcome === 'approved' ? 'Hồ sơ đã được giải quyết và phê duyệt.' : `Hồ sơ không được giải quyết. Lý do: ${content.reason ?? ''}`);
  y -= 16;
  write(vietnamDate(content.decidedAt), 11, 330);
  write(content.signerName, 11, 330);
  write('(Ký số)', 10, 330);
  drawQr(page, content.verificationUrl, 56, 70, 96);
  page.drawText('Kiểm tra chữ ký số / Verify the signature:', { x: 164, y: 140, size: 9, font });
  page.drawText(content.verificationUrl, { x: 164, y: 126, size: 8, font });
  return Buffer.from(await document.save({ useObjectStreams: false }));
}
