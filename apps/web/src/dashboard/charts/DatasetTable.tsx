import { useTranslation } from 'react-i18next';
import { Dataset, shownCell } from '../dataset';

/** A dataset as a table: exactly the numbers its chart plots, in the screen's language. */
export function DatasetTable({ dataset, caption }: { dataset: Dataset; caption: string }) {
  const { i18n } = useTranslation();
  return (
    <div className="dashboard-table-scroll">
      <table className="queue-table dashboard-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {dataset.columns.map((column) => (
              <th key={column.key} scope="col" className={column.kind && column.kind !== 'text' ? 'number' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dataset.rows.map((row, index) => (
            <tr key={index}>
              {dataset.columns.map((column) => (
                <td key={column.key} data-label={column.label} className={column.kind && column.kind !== 'text' ? 'number' : undefined}>
                  {shownCell(row[column.key] ?? null, column, i18n.language)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
