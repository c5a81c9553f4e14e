import { ReactNode } from 'react';

export interface TableColumn {
  label: string;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** The cell that names the row (a commune, a procedure), read first by screen readers. */
  rowHeader?: boolean;
}

export interface TableRow {
  key: string;
  cells: ReactNode[];
  className?: string;
}

/**
 * The dashboard's tables: a caption, one header per column, and on a phone each cell labelled
 * with its column (data-label, dashboard.css), so every table reads the same way at any width.
 */
export function DashboardTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
}) {
  const numberClass = (column: TableColumn) => (column.numeric ? 'number' : undefined);
  return (
    <div className="dashboard-table-scroll">
      <table className="queue-table dashboard-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={numberClass(column)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={row.className}>
              {row.cells.map((cell, index) => {
                const column = columns[index];
                return column.rowHeader ? (
                  <th key={column.label} scope="row" data-label={column.label} className={numberClass(column)}>
                    {cell}
                  </th>
                ) : (
                  <td key={column.label} data-label={column.label} className={numberClass(column)}>
                    {cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
