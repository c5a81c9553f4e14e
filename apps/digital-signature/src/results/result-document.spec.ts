import { AdministrativeUnit } from '@onestop/reference-data';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certificateTitle } from '../certificates/certificate-chain';
import { issuingAuthority } from './issuing-authority';
import { documentNumber, placeAndDate, renderResult, ResultContent, signatureHeading } from './result-document';

const units = {
  base: { nameEn: '', parentCode: null, effectiveFrom: '2025-07-01', effectiveTo: null, successorCode: null },
  get hue(): AdministrativeUnit {
    return { ...this.base, code: '46', kind: 'province', name: 'Thành phố Huế', subkind: 'City', provinceCode: null };
  },
  get phuXuan(): AdministrativeUnit {
    return {
      ...this.base,
      code: '19753',
      kind: 'commune',
      name: 'Phường Phú Xuân',
      subkind: 'Ward',
      provinceCode: '46',
    };
  },
  get justice(): AdministrativeUnit {
    return {
      ...this.base,
      code: '46.STP',
      kind: 'department',
      name: 'Sở Tư pháp Thành phố Huế',
      subkind: 'STP',
      provinceCode: '46',
    };
  },
};
const ward = issuingAuthority(units.phuXuan, units.hue);

const content = (code: string, applicantName: string, reason: string | null): ResultContent => ({
  code,
  authority: ward,
  procedureName: { vi: 'Đăng ký thành lập hộ kinh doanh', en: 'Household business registration' },
  outcome: reason ? 'rejected' : 'approved',
  reason,
  applicantName,
  decidedAt: new Date('2026-11-20T03:00:00Z'),
  signer: { name: 'Lê Thị Hoa', title: null },
  verificationUrl: `https://dichvucong.hue.gov.vn/tra-cuu/${code}`,
});

/** The text poppler reads from a PDF, its lines joined: what copying or searching a citizen's viewer finds. */
function textOf(pdf: Buffer): string {
  const work = mkdtempSync(join(tmpdir(), 'result-document-'));
  try {
    writeFileSync(join(work, 'result.pdf'), pdf);
    return execFileSync('pdftotext', [join(work, 'result.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Each test renders real PDFs and reads them back with pdftotext: seconds when the machine is busy
 * with the other suites, more than jest's default 5 s for a test.
 */
jest.setTimeout(30_000);

describe('result documents', () => {
  // Documents share one parsed font; each must still carry the glyphs of its own text.
  it('renders each document with its own Vietnamese text, however many were rendered before it', async () => {
    const approved = await renderResult(content('19753-261120-0001', 'Trần Thị Bình', null));
    const rejected = await renderResult(
      content('19753-261120-0002', 'Nguyễn Văn Quý', 'Hồ sơ thiếu giấy chứng nhận quyền sử dụng đất'),
    );

    const first = textOf(approved);
    expect(first).toContain(
      'Chấp thuận hồ sơ mã số 19753-261120-0001 của Trần Thị Bình đề nghị giải quyết thủ tục đăng ký thành lập hộ kinh doanh.',
    );
    const second = textOf(rejected);
    expect(second).toContain('hồ sơ mã số 19753-261120-0002 của Nguyễn Văn Quý');
    expect(second).toContain('với lý do: Hồ sơ thiếu giấy chứng nhận quyền sử dụng đất.');
    expect(second).not.toContain('Trần Thị Bình');
  });

  it('follows the national format: authority and motto, number, place and date, title, body, signer', async () => {
    const decision = textOf(await renderResult(content('19753-261120-0001', 'Trần Thị Bình', null)));
    const inOrder = [
      'UBND THÀNH PHỐ HUẾ',
      'UBND PHƯỜNG PHÚ XUÂN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 2611200001/QĐ-UBND',
      'Phú Xuân, ngày 20 tháng 11 năm 2026',
      'QUYẾT ĐỊNH',
      'Về việc giải quyết thủ tục đăng ký thành lập hộ kinh doanh',
      'ỦY BAN NHÂN DÂN PHƯỜNG PHÚ XUÂN',
      'Căn cứ',
      'QUYẾT ĐỊNH:',
      'Điều 1.',
      'Điều 2.',
      'Điều 3.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Lê Thị Hoa',
    ];
    const positions = inOrder.map((part) => decision.indexOf(part));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(decision).toContain('Nơi nhận: - Như Điều 3; - Lưu: VT.'); // beside the signer: columns are the reader's to order
    expect(decision).not.toContain('19753 ');

    const notice = textOf(
      await renderResult(content('19753-261120-0002', 'Nguyễn Văn Quý', 'Thiếu hợp đồng thuê nhà.')),
    );
    expect(notice).toContain('Số: 2611200002/TB-UBND');
    expect(notice).toContain('THÔNG BÁO');
    expect(notice).toContain('Về việc từ chối giải quyết thủ tục đăng ký thành lập hộ kinh doanh');
    expect(notice).toContain('với lý do: Thiếu hợp đồng thuê nhà.');
  });

  it('dates with the leading zeros of Decree 30, in Vietnam', () => {
    expect(placeAndDate('Thuỷ Xuân', new Date('2026-02-04T18:00:00Z'))).toBe('Thuỷ Xuân, ngày 05 tháng 02 năm 2026');
    expect(placeAndDate('Huế', new Date('2026-11-23T17:30:00Z'))).toBe('Huế, ngày 24 tháng 11 năm 2026');
  });

  it('numbers a result by its dossier’s date and daily sequence, with the symbol of its kind and authority', () => {
    const justice = issuingAuthority(units.justice, units.hue);
    expect(documentNumber({ code: '19813-261124-0007', outcome: 'approved', authority: ward })).toBe(
      'Số: 2611240007/QĐ-UBND',
    );
    expect(documentNumber({ code: '46.STP-261124-12345', outcome: 'rejected', authority: justice })).toBe(
      'Số: 26112412345/TB-STP',
    );
  });

  it("signs as the certificate's title says, or as the authority's head", () => {
    const justice = issuingAuthority(units.justice, units.hue);
    expect(signatureHeading(ward, null)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']);
    expect(signatureHeading(ward, 'Phó Chủ tịch')).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(signatureHeading(justice, null)).toEqual(['GIÁM ĐỐC']);
    expect(signatureHeading(justice, 'Phó Giám đốc')).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(signatureHeading(ward, 'Công chức Tư pháp - Hộ tịch')).toEqual(['CÔNG CHỨC TƯ PHÁP - HỘ TỊCH']);
    expect(certificateTitle({ subject: 'C=VN, O=UBND Thành phố Huế, T=Phó Chủ tịch, CN=Lê Thị Hoa' })).toBe(
      'Phó Chủ tịch',
    );
    expect(certificateTitle({ subject: 'C=VN, T=Trưởng phòng\\, Văn phòng, CN=Lê Thị Hoa' })).toBe(
      'Trưởng phòng, Văn phòng',
    );
    expect(certificateTitle({ subject: 'C=VN, CN=Lê Thị Hoa' })).toBeNull();
  });
});
