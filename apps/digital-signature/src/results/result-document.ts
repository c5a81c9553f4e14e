import { localDateOf } from '@onestop/calendar';
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { IssuingAuthority } from './issuing-authority';
import { fontOf, sharedFontkit, Style } from './result-fonts';

/** What the result of a decision shows. */
export interface ResultContent {
  code: string;
  authority: IssuingAuthority;
  procedureName: { vi: string; en: string };
  outcome: 'approved' | 'rejected';
  reason: string | null;
  applicantName: string;
  decidedAt: Date;
  /** The signer's position as the certificate states it (its title), or null. */
  signer: { name: string; title: string | null };
  verificationUrl: string;
}

const A4: [number, number] = [595.28, 841.89];
// Decree 30 margins: top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
const LEFT = 85;
const RIGHT = A4[0] - 50;
const TOP = A4[1] - 62;
/** Below this the signature block and the verification QR code of the last page go. */
const BODY_FLOOR = 150;
const QR_SIZE = 80;
const HEADING_LEFT = { centre: 175, width: 200 };
const HEADING_RIGHT = { centre: 405, width: 290 };
const SIGNATURE = { centre: 420, width: 230 };

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
      if (modules.get(row, column))
        page.drawRectangle({
          x: x + column * cell,
          y: y + size - (row + 1) * cell,
          width: cell,
          height: cell,
          color: rgb(0, 0, 0),
        });
    }
  }
}

const upper = (text: string) => text.toLocaleUpperCase('vi');
/** A procedure's name inside a sentence: "Đăng ký khai sinh" → "đăng ký khai sinh". */
const inSentence = (text: string) => text.charAt(0).toLocaleLowerCase('vi') + text.slice(1);
const twoDigits = (value: number) => String(value).padStart(2, '0');

/** "Thuỷ Xuân, ngày 24 tháng 11 năm 2026": days below 10 and months 1 and 2 take a leading zero (Decree 30). */
export function placeAndDate(place: string, instant: Date): string {
  const [year, month, day] = localDateOf(instant).split('-').map(Number);
  return `${place}, ngày ${twoDigits(day)} tháng ${month <= 2 ? twoDigits(month) : month} năm ${year}`;
}

/**
 * "Số: 2611240007/QĐ-UBND". The platform keeps no register of outgoing documents, whose yearly
 * sequence is the number Decree 30 means; the result takes the date and daily sequence of its
 * dossier's code (`<receiving unit>-YYMMDD-NNNN`), unique for the unit and leading back to the dossier.
 */
export function documentNumber(content: Pick<ResultContent, 'code' | 'outcome' | 'authority'>): string {
  const [, date, sequence] = /-(\d{6})-(\d{4,})$/.exec(content.code) ?? [];
  const number = date ? `${date}${sequence}` : content.code;
  return `Số: ${number}/${content.outcome === 'approved' ? 'QĐ' : 'TB'}-${content.authority.symbol}`;
}

/**
 * The signature block's heading: the head of a collective body signs "TM." (on its behalf), a
 * deputy "KT." (for the head). The certificate's title gives the position; without one the signer
 * is taken for the head of the authority, who signs its results.
 */
export function signatureHeading(authority: IssuingAuthority, title: string | null): string[] {
  const position = title?.trim() || authority.head;
  const same = (a: string, b: string) => a.localeCompare(b, 'vi', { sensitivity: 'base' }) === 0;
  if (same(position, authority.head))
    return authority.collective ? [`TM. ${authority.collective}`, upper(position)] : [upper(position)];
  if (same(position, `Phó ${authority.head}`)) return [`KT. ${upper(authority.head)}`, upper(position)];
  return [upper(position)];
}

/** The text of the document, by part: an approval is a decision, a refusal a notice. */
function wording(content: ResultContent) {
  const { authority, applicantName: applicant, code } = content;
  const procedure = inSentence(content.procedureName.vi);
  if (content.outcome === 'approved') {
    return {
      title: 'QUYẾT ĐỊNH',
      about: `Về việc giải quyết thủ tục ${procedure}`,
      competence: upper(authority.collective ? authority.name : `${authority.head} ${authority.name}`),
      grounds: [
        `Căn cứ quy định của pháp luật về thủ tục ${procedure};`,
        `Căn cứ hồ sơ mã số ${code} và kết quả thẩm định hồ sơ.`,
      ],
      articles: [
        `Điều 1. Chấp thuận hồ sơ mã số ${code} của ${applicant} đề nghị giải quyết thủ tục ${procedure}.`,
        'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
        `Điều 3. ${applicant} và các cơ quan, đơn vị, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này.`,
      ],
      recipients: ['- Như Điều 3;', '- Lưu: VT.'],
    };
  }
  const reason = (content.reason ?? '').trim().replace(/[.;]$/, '');
  return {
    title: 'THÔNG BÁO',
    about: `Về việc từ chối giải quyết thủ tục ${procedure}`,
    competence: null,
    grounds: [],
    articles: [
      `${authority.name.charAt(0).toLocaleUpperCase('vi')}${authority.name.slice(1)} đã xem xét hồ sơ mã số ${code} của ${applicant} đề nghị giải quyết thủ tục ${procedure}.`,
      `Hồ sơ không được giải quyết, với lý do: ${reason}.`,
      `Đề nghị ${applicant} hoàn thiện hồ sơ theo quy định hoặc liên hệ ${authority.name} để được hướng dẫn.`,
    ],
    recipients: [`- ${applicant};`, '- Lưu: VT.'],
  };
}

/**
 * The result document of a decision, in the national format of administrative documents (Decree
 * 30/2020/NĐ-CP): the issuing authority and the national motto, number and symbol, place and date,
 * the title and what it is about, the body, the recipients and the signer, and a QR code to the
 * public verification page. The text is the administrative document; the signature that follows
 * is what gives it legal effect.
 */
export async function renderResult(content: ResultContent): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.registerFontkit(sharedFontkit);
  document.setTitle(`Kết quả giải quyết hồ sơ ${content.code}`);
  document.setCreationDate(content.decidedAt);
  document.setModificationDate(content.decidedAt);
  document.setProducer('OneStop');
  // With its glyph composition feature (ccmp) on, Noto Sans draws ụ, ị… as a letter and a
  // combining mark, and the text layer (copy, search, screen readers) read "qụan" and "Thi". With
  // it off, each precomposed Vietnamese letter has a glyph of its own: one glyph, one character.
  const embed = (style: Style) => document.embedFont(fontOf(style), { subset: true, features: { ccmp: false } });
  const fonts = {
    regular: await embed('regular'),
    bold: await embed('bold'),
    italic: await embed('italic'),
    boldItalic: await embed('boldItalic'),
  };

  let page = document.addPage(A4);
  let y = TOP;
  /** Centred lines at `y`, wrapped to the column's width; returns the y below them. */
  const centred = (
    text: string,
    style: Style,
    size: number,
    column: { centre: number; width: number },
    at: number,
  ): number => {
    const font = fonts[style];
    for (const line of wrap(text, font, size, column.width)) {
      page.drawText(line, { x: column.centre - font.widthOfTextAtSize(line, size) / 2, y: at, size, font });
      at -= size * 1.35;
    }
    return at;
  };
  const rule = (centre: number, width: number, at: number) =>
    page.drawLine({
      start: { x: centre - width / 2, y: at },
      end: { x: centre + width / 2, y: at },
      thickness: 0.6,
      color: rgb(0, 0, 0),
    });
  /** A paragraph of the body, first line indented, continued on a new page when this one is full. */
  const paragraph = (text: string, style: Style = 'regular', size = 12) => {
    const font = fonts[style];
    wrap(text, font, size, RIGHT - LEFT - 28).forEach((line, index) => {
      if (y < BODY_FLOOR) {
        page = document.addPage(A4);
        y = TOP;
      }
      page.drawText(line, { x: LEFT + (index === 0 ? 28 : 0), y, size, font });
      y -= size * 1.45;
    });
    y -= 4;
  };

  // The heading: the authority (with the one above it) on the left, the national motto on the right.
  const { authority } = content;
  let left = y;
  if (authority.superior) left = centred(authority.superior, 'regular', 12, HEADING_LEFT, left);
  for (const line of authority.heading) left = centred(line, 'bold', 12, HEADING_LEFT, left);
  rule(HEADING_LEFT.centre, 60, left + 8);
  left = centred(documentNumber(content), 'regular', 12, HEADING_LEFT, left - 12);
  const motto = 'Độc lập - Tự do - Hạnh phúc';
  let right = centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'bold', 12, HEADING_RIGHT, y);
  right = centred(motto, 'bold', 12.5, HEADING_RIGHT, right);
  rule(HEADING_RIGHT.centre, fonts.bold.widthOfTextAtSize(motto, 12.5), right + 9);
  right = centred(placeAndDate(authority.place, content.decidedAt), 'italic', 12, HEADING_RIGHT, right - 12);
  y = Math.min(left, right) - 24;

  const text = wording(content);
  const full = { centre: (LEFT + RIGHT) / 2, width: RIGHT - LEFT };
  y = centred(text.title, 'bold', 14, full, y);
  y = centred(text.about, 'bold', 13, full, y);
  rule(full.centre, 110, y + 3);
  y -= 16;
  if (text.competence) y = centred(text.competence, 'bold', 13, full, y) - 8;
  for (const ground of text.grounds) paragraph(ground, 'italic');
  if (text.competence) y = centred('QUYẾT ĐỊNH:', 'bold', 13, full, y - 4) - 6;
  for (const article of text.articles) paragraph(article);

  // Recipients on the left and the signer on the right, side by side, on a page with room for them.
  if (y - 130 < BODY_FLOOR - 40) {
    page = document.addPage(A4);
    y = TOP;
  }
  y -= 14;
  let recipients = y;
  page.drawText('Nơi nhận:', { x: LEFT, y: recipients, size: 11.5, font: fonts.boldItalic });
  for (const recipient of text.recipients) {
    recipients -= 15;
    page.drawText(recipient, { x: LEFT, y: recipients, size: 10.5, font: fonts.regular });
  }
  let signer = y;
  for (const line of signatureHeading(authority, content.signer.title))
    signer = centred(line, 'bold', 12, SIGNATURE, signer);
  signer = centred('(Đã ký số)', 'italic', 11, SIGNATURE, signer - 14);
  centred(content.signer.name, 'bold', 12, SIGNATURE, signer - 26);

  drawQr(page, content.verificationUrl, LEFT, 40, QR_SIZE);
  page.drawText('Kiểm tra chữ ký số / Verify the signature:', {
    x: LEFT + QR_SIZE + 10,
    y: 100,
    size: 9,
    font: fonts.regular,
  });
  page.drawText(content.verificationUrl, { x: LEFT + QR_SIZE + 10, y: 86, size: 8, font: fonts.regular });
  return Buffer.from(await document.save({ useObjectStreams: false }));
}
