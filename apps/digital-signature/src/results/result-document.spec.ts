import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderResult, ResultContent } from './result-document';

const content = (code: string, applicantName: string, reason: string | null): ResultContent => ({
  code,
  unitCode: '19753',
  procedureName: { vi: 'Đăng ký hộ kinh doanh', en: 'Household business registration' },
  outcome: reason ? 'rejected' : 'approved',
  reason,
  applicantName,
  decidedAt: new Date('2026-11-20T03:00:00Z'),
  signerName: 'Lê Thị Hoa',
  verificationUrl: `https://dichvucong.hue.gov.vn/tra-cuu/${code}`,
});

/** The text poppler reads from a PDF: what a citizen's viewer would show. */
function textOf(pdf: Buffer): string {
  const work = mkdtempSync(join(tmpdir(), 'result-document-'));
  try {
    writeFileSync(join(work, 'result.pdf'), pdf);
    return execFileSync('pdftotext', [join(work, 'result.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

describe('result documents', () => {
  // Documents share one parsed font; each must still carry the glyphs of its own text.
  it('renders each document with its own Vietnamese text, however many were rendered before it', async () => {
    const approved = await renderResult(content('19753-261120-0001', 'Trần Thị Bình', null));
    const rejected = await renderResult(content('19753-261120-0002', 'Nguyễn Văn Quý', 'Hồ sơ thiếu giấy chứng nhận quyền sử dụng đất'));

    const first = textOf(approved);
    expect(first).toContain('19753-261120-0001');
    expect(first).toContain('Trần Thị Bình');
    expect(first).toContain('Hồ sơ đã được giải quyết và phê duyệt.');
    const second = textOf(rejected);
    expect(second).toContain('19753-261120-0002');
    expect(second).toContain('Nguyễn Văn Quý');
    expect(second).toContain('thiếu giấy chứng nhận quyền sử dụng đất');
    expect(second).not.toContain('Trần Thị Bình');
  });
});
