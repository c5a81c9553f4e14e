import { useTranslation } from 'react-i18next';
import { Dataset, shownCell } from '../dataset';
import { DashboardTable } from '../DashboardTable';

/** A dataset as a table: exactly the numbers its chart plots, in the screen's language. */
export function DatasetTable({ dataset, caption }: { dataset: Dataset; caption: string }) {
  const { i18n } = useTranslation();
  return (
    <DashboardTable
      caption={caption}
      columns={dataset.columns.map((column) => ({
        label: column.label,
        numeric: Boolean(column.kind && column.kind !== 'text'),
      }))}
      rows={dataset.rows.map((row, index) => ({
        key: String(index),
        cells: dataset.columns.map((column) => shownCell(row[column.key] ?? null, column, i18n.language)),
      }))}
    />
  );
}
