/** One column of a CSV export: its header and how a row gives its cell. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
}

/** Excel reads a UTF-8 file as the machine's legacy code page unless it starts with this mark. */
const UTF8_BYTE_ORDER_MARK = '\uFEFF';
/** RFC 4180 §2: records end with CRLF. */
const RECORD_END = '\r\n';
const NEEDS_QUOTING = /[",\r\n]/;

/**
 * A CSV document (RFC 4180: comma-separated, CRLF, quoted where needed) with a header record from
 * the columns, prefixed with the UTF-8 byte order mark so Excel shows Vietnamese text correctly.
 * Empty cells for null and undefined; numbers as JavaScript writes them (a dot before decimals).
 */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const header = columns.map((column) => csvField(column.header));
  const records = rows.map((row) => columns.map((column) => csvField(cellText(column, row))));
  return UTF8_BYTE_ORDER_MARK + [header, ...records].map((fields) => fields.join(',') + RECORD_END).join('');
}

/** RFC 4180 §2.6–2.7: a field with a comma, quote or line break is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return NEEDS_QUOTING.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cellText<Row>(column: CsvColumn<Row>, row: Row): string {
  const value = column.value(row);
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new RangeError(`Column "${column.header}" gave ${value}, which a CSV cell cannot hold`);
  }
  return String(value);
}
