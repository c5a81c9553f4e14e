import fontkit from '@pdf-lib/fontkit';
import { AdministrativeUnits, CreateAdministrativeUnits1763900000000 } from '@onestop/reference-data';
import { createTestDatabase, TestDatabase } from '@onestop/testing';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { normalised, readRenderedPage, Renderer } from '../test/rendered-page';
import { IssuingAuthority, issuingAuthorityOf } from './issuing-authority';
import { renderResult } from './result-document';

const CODE = '19813-261124-0007';
const APPLICANT = 'Hồ Thị Lan';
const SIGNER = 'Nguyễn Hữu Lợi';
const AUTHORITY = 'UBND PHƯỜNG THUỶ XUÂN';
const missingFrom = (text: string, expected: string[]) => expected.filter((part) => !text.includes(normalised(part)));

/**
 * The result as a person sees it: drawn by two independent renderers and read back by OCR. Text
 * extraction alone cannot tell, since it reads the ToUnicode map even where the font draws nothing.
 */
describe('a result document, rendered and read back', () => {
  jest.setTimeout(120_000);
  let database: TestDatabase;
  let authority: IssuingAuthority;
  let pdf: Buffer;

  beforeAll(async () => {
    database = await createTestDatabase('result_rendering', {
      entities: [],
      migrations: [CreateAdministrativeUnits1763900000000],
    });
    authority = (await issuingAuthorityOf(new AdministrativeUnits(database.dataSource), '19813', '2026-11-24'))!;
    pdf = await renderResult({
      code: CODE,
      authority,
      procedureName: { vi: 'Đăng ký thành lập hộ kinh doanh', en: 'Household business registration' },
      outcome: 'approved',
      reason: null,
      applicantName: APPLICANT,
      decidedAt: new Date('2026-11-24T03:00:00Z'),
      signer: { name: SIGNER, title: null },
      verificationUrl: `https://dichvucong.hue.gov.vn/api/v1/public/results/${CODE}`,
    });
  });

  afterAll(() => database?.drop());

  it.each<Renderer>(['poppler', 'ghostscript'])(
    'reads, as %s draws it, in the national format with the names of the reference data',
    (renderer) => {
      const { text, png } = readRenderedPage(pdf, renderer);
      expect(
        missingFrom(text, [
          'UBND THÀNH PHỐ HUẾ',
          AUTHORITY,
          'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
          'Độc lập - Tự do - Hạnh phúc',
          'Số: 2611240007/QĐ-UBND',
          'Thuỷ Xuân, ngày 24 tháng 11 năm 2026',
          'QUYẾT ĐỊNH',
          'ỦY BAN NHÂN DÂN PHƯỜNG THUỶ XUÂN',
          `hồ sơ mã số ${CODE} của ${APPLICANT}`,
          'TM. ỦY BAN NHÂN DÂN',
          'CHỦ TỊCH',
          SIGNER,
        ]),
      ).toEqual([]);
      if (renderer === 'poppler') {
        // The page as it looks, for a person to review (reports/ is not versioned).
        mkdirSync(join(process.cwd(), 'reports', 'screens'), { recursive: true });
        writeFileSync(join(process.cwd(), 'reports', 'screens', 'result-document.png'), png);
      }
    },
  );

  // The check can fail: the same words, drawn with Noto Sans as published (unpadded), read as next to nothing.
  it.each<Renderer>(['poppler', 'ghostscript'])(
    'finds, as %s draws it, none of the names on a page whose embedded font lacks their outlines',
    async (renderer) => {
      const document = await PDFDocument.create();
      document.registerFontkit(fontkit);
      const published = readFileSync(
        require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
      );
      const font = await document.embedFont(published, { subset: true, features: { ccmp: false } });
      const page = document.addPage([595.28, 841.89]);
      [CODE, APPLICANT, AUTHORITY, SIGNER].forEach((line, index) =>
        page.drawText(line, { x: 85, y: 700 - index * 30, size: 13, font }),
      );
      const { text } = readRenderedPage(Buffer.from(await document.save()), renderer);
      expect(missingFrom(text, [CODE, APPLICANT, AUTHORITY, SIGNER])).toEqual([CODE, APPLICANT, AUTHORITY, SIGNER]);
    },
  );
});
