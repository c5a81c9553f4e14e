import { CsvColumn, csvField, toCsv } from './csv';
import { scoreCounts } from './scoring-766';
import { emptyCounts } from './indicator-counts';

const BOM = '\uFEFF';

interface UnitRow {
  code: string;
  name: string;
  onTimeShare: number | null;
  points: number;
}

const columns: CsvColumn<UnitRow>[] = [
  { header: 'Mã đơn vị', value: (row) => row.code },
  { header: 'Tên đơn vị', value: (row) => row.name },
  { header: 'Tỷ lệ đúng hạn', value: (row) => row.onTimeShare },
  { header: 'Điểm', value: (row) => row.points },
];

describe('CSV export', () => {
  it('starts with the UTF-8 byte order mark, then the header from the columns, records ending in CRLF', () => {
    const csv = toCsv(columns, [{ code: '46.01', name: 'Phường Thuận Hóa', onTimeShare: 0.875, points: 36.5 }]);
    expect(csv).toBe(`${BOM}Mã đơn vị,Tên đơn vị,Tỷ lệ đúng hạn,Điểm\r\n46.01,Phường Thuận Hóa,0.875,36.5\r\n`);
  });

  it('encodes to UTF-8 bytes beginning EF BB BF, with Vietnamese letters intact', () => {
    const bytes = Buffer.from(toCsv(columns, []), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('Mã đơn vị,Tên đơn vị,Tỷ lệ đúng hạn,Điểm\r\n');
  });

  it('quotes a field holding a comma, a quote (doubled) or a line break, and no other', () => {
    expect(csvField('Xã A Lưới 1, Huế')).toBe('"Xã A Lưới 1, Huế"');
    expect(csvField('UBND xã "Phong Điền"')).toBe('"UBND xã ""Phong Điền"""');
    expect(csvField('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvField('dòng 1\r\ndòng 2')).toBe('"dòng 1\r\ndòng 2"');
    expect(csvField('Phường Hương Trà; khu vực 2')).toBe('Phường Hương Trà; khu vực 2');
    expect(csvField(' có khoảng trắng ')).toBe(' có khoảng trắng ');
  });

  it('keeps a quoted multi-line cell inside one record', () => {
    const csv = toCsv(columns, [{ code: '46.02', name: 'Ghi chú, "mới"\nthêm', onTimeShare: 1, points: 20 }]);
    expect(csv).toBe(`${BOM}Mã đơn vị,Tên đơn vị,Tỷ lệ đúng hạn,Điểm\r\n46.02,"Ghi chú, ""mới""\nthêm",1,20\r\n`);
  });

  it('quotes headers by the same rule', () => {
    const csv = toCsv<UnitRow>([{ header: 'Điểm, trên 100', value: (row) => row.points }], []);
    expect(csv).toBe(`${BOM}"Điểm, trên 100"\r\n`);
  });

  it('leaves a cell empty for a ratio with nothing to measure, and writes a measured 0 as 0', () => {
    const csv = toCsv(columns, [
      { code: 'A', name: 'a', onTimeShare: null, points: 0 },
      { code: 'B', name: 'b', onTimeShare: 0, points: 0 },
    ]);
    expect(csv.split('\r\n').slice(1, 3)).toEqual(['A,a,,0', 'B,b,0,0']);
  });

  it('refuses a number no cell can hold rather than writing NaN', () => {
    expect(() => toCsv(columns, [{ code: 'A', name: 'a', onTimeShare: Number.NaN, points: 0 }])).toThrow(
      /Tỷ lệ đúng hạn/,
    );
  });

  it('writes a unit score straight from the scoring', () => {
    const score = scoreCounts({ ...emptyCounts(), received: 4, receivedOnline: 1, openWithinDeadline: 4 });
    const csv = toCsv(
      [
        { header: 'Chỉ số', value: (row: (typeof score.indicators)[number]) => row.id },
        { header: 'Tử số', value: (row) => row.ratio.numerator },
        { header: 'Mẫu số', value: (row) => row.ratio.denominator },
        { header: 'Tỷ lệ', value: (row) => row.ratio.value },
        { header: 'Điểm', value: (row) => row.points },
      ],
      score.indicators,
    );
    // 2.1: 4 / 4 = 1 → 20; 3.2: 0 / 0 → empty, 0; 3.3: 1 / 4 = 0.25 → 0.25 × 8 / 0.5 = 4; 4.1 and both halves of 5.4: 0 / 0.
    expect(csv.split('\r\n')).toEqual([
      `${BOM}Chỉ số,Tử số,Mẫu số,Tỷ lệ,Điểm`,
      'progress.onTimeOrWithinDeadline,4,4,1,20',
      'online.proceduresWithOnlineDossiers,0,0,,0',
      'online.onlineDossierShare,1,4,0.25,4',
      'digitisation.signedElectronicResults,0,0,,0',
      'satisfaction.resolvedWithoutDelay,0,0,,0',
      'satisfaction.ratedSatisfied,0,0,,0',
      '',
    ]);
  });
});
