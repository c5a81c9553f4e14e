import { datasetCsv, Dataset, shownCell } from './dataset';

const dataset: Dataset = {
  columns: [
    { key: 'commune', label: 'Xã/phường' },
    { key: 'received', label: 'Tiếp nhận', kind: 'number' },
    { key: 'onTime', label: 'Tỉ lệ đúng hạn (%)', kind: 'share' },
  ],
  rows: [
    { commune: 'Phường Thuỷ Xuân', received: 12, onTime: 0.91666 },
    { commune: 'Xã "Mới", Huế', received: 0, onTime: null },
  ],
};

describe("a chart's dataset", () => {
  it('writes a CSV with the byte order mark, the headers and the rows, quoting where needed', () => {
    expect(datasetCsv(dataset)).toBe(
      '\uFEFFXã/phường,Tiếp nhận,Tỉ lệ đúng hạn (%)\r\nPhường Thuỷ Xuân,12,91.7\r\n"Xã ""Mới"", Huế",0,\r\n',
    );
  });

  it('shows cells in the language of the screen', () => {
    expect(shownCell(1234.5, dataset.columns[1], 'vi')).toBe('1.234,5');
    expect(shownCell(0.91666, dataset.columns[2], 'vi')).toBe('91,7 %');
    expect(shownCell(0.91666, dataset.columns[2], 'en')).toBe('91.7 %');
    expect(shownCell(null, dataset.columns[2], 'vi')).toBe('–');
  });
});
