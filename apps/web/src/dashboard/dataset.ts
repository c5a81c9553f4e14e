/**
 * The numbers behind one chart, as a table: the chart plots them, its table shows them and its CSV
 * holds them, so the three can never disagree.
 */
export type Cell = string | number | null;

export interface DatasetColumn {
  key: string;
  label: string;
  /** A share (0–1) is shown and written as a percentage with one decimal. */
  kind?: 'text' | 'number' | 'share';
}

export interface Dataset {
  columns: DatasetColumn[];
  rows: Array<Record<string, Cell>>;
}

/** Excel reads a UTF-8 file as the machine's legacy code page unless it starts with this mark. */
const UTF8_BYTE_ORDER_MARK = '\uFEFF';
const NEEDS_QUOTING = /[",\r\n]/;

/** A cell as a machine reads it: a share as a percentage with one decimal (a dot before decimals), nothing for null. */
export function plainCell(value: Cell, column: DatasetColumn): string {
  if (value === null) return '';
  if (typeof value === 'number' && column.kind === 'share') return (Math.round(value * 1000) / 10).toString();
  return String(value);
}

/** A cell as a person reads it in the table, with the language's digit grouping and decimal sign. */
export function shownCell(value: Cell, column: DatasetColumn, language: string): string {
  if (value === null) return '–';
  if (typeof value !== 'number') return value;
  const locale = language === 'en' ? 'en-US' : 'vi-VN';
  if (column.kind === 'share')
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.round(value * 1000) / 10)} %`;
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

function csvField(text: string): string {
  return NEEDS_QUOTING.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 (commas, CRLF, quoted where needed) with the byte order mark, headers in the screen's language. */
export function datasetCsv(dataset: Dataset): string {
  const header = dataset.columns.map((column) => csvField(column.label));
  const records = dataset.rows.map((row) =>
    dataset.columns.map((column) => csvField(plainCell(row[column.key] ?? null, column))),
  );
  return UTF8_BYTE_ORDER_MARK + [header, ...records].map((fields) => `${fields.join(',')}\r\n`).join('');
}
