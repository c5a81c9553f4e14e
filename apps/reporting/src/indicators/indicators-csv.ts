import { StreamableFile } from '@nestjs/common';
import { CsvColumn, toCsv } from './csv';
import type { IndicatorReport, IndicatorRow, RankingReport } from './indicator-queries.service';
import { IndicatorGrouping } from './dto/indicators-query.dto';

const KEY_HEADERS: Record<IndicatorGrouping | 'scope', string> = {
  scope: 'Phạm vi',
  commune: 'Mã đơn vị',
  procedure: 'Mã thủ tục',
  field: 'Lĩnh vực',
  day: 'Ngày',
  week: 'Tuần (từ ngày)',
};

/** The columns a leader reads in a spreadsheet; the JSON answer carries every count and ratio. */
function indicatorColumns(report: IndicatorReport): CsvColumn<IndicatorRow>[] {
  return [
    {
      header: KEY_HEADERS[report.groupBy ?? 'scope'],
      value: (row) => row.key ?? report.unitCode ?? report.provinceCode,
    },
    ...(report.thenBy ? [{ header: KEY_HEADERS[report.thenBy], value: (row: IndicatorRow) => row.subKey }] : []),
    { header: 'Tiếp nhận tại đơn vị', value: (row) => row.receivedHere },
    { header: 'Tiếp nhận trực tuyến', value: (row) => row.counts.receivedOnline },
    { header: 'Giải quyết tại đơn vị', value: (row) => row.resolvedHere },
    { header: 'Đúng hạn', value: (row) => row.counts.resolvedOnTime },
    { header: 'Trễ hạn', value: (row) => row.counts.resolvedLate },
    { header: 'Đang xử lý trong hạn', value: (row) => row.counts.openWithinDeadline },
    { header: 'Đang xử lý quá hạn', value: (row) => row.counts.openOverdue },
    { header: 'Tỷ lệ đúng hạn hoặc trong hạn', value: (row) => row.indicators.onTimeOrWithinDeadlineShare.value },
    { header: 'Tỷ lệ hồ sơ trực tuyến', value: (row) => row.indicators.onlineDossierShare.value },
    { header: 'Lượt đánh giá', value: (row) => row.counts.ratings },
    { header: 'Đánh giá hài lòng', value: (row) => row.counts.satisfiedRatings },
    { header: 'Tỷ lệ hài lòng', value: (row) => row.indicators.satisfiedRatingShare.value },
    { header: 'Điểm đánh giá trung bình', value: (row) => row.indicators.averageRatingScore.value },
    { header: 'Điểm 766', value: (row) => row.score.total.points },
    { header: 'Điểm tối đa được đánh giá', value: (row) => row.score.total.assessedMaxPoints },
  ];
}

type RankedUnit = RankingReport['units'][number];

const RANKING_COLUMNS: CsvColumn<RankedUnit>[] = [
  { header: 'Hạng', value: (unit) => unit.rank },
  { header: 'Mã đơn vị', value: (unit) => unit.unitCode },
  { header: 'Điểm 766', value: (unit) => unit.points },
  { header: 'Điểm tối đa được đánh giá', value: (unit) => unit.assessedMaxPoints },
  { header: 'Tiếp nhận tại đơn vị', value: (unit) => unit.receivedHere },
  { header: 'Giải quyết tại đơn vị', value: (unit) => unit.resolvedHere },
  { header: 'Hạng kỳ trước', value: (unit) => unit.previousRank },
  { header: 'Điểm kỳ trước', value: (unit) => unit.previousPoints },
];

export function indicatorsCsvFile(report: IndicatorReport): StreamableFile {
  const scope = report.unitCode ?? report.provinceCode;
  const grouping = report.groupBy ? `-by-${report.groupBy}${report.thenBy ? `-${report.thenBy}` : ''}` : '';
  return csvFile(
    toCsv(indicatorColumns(report), report.rows),
    `indicators-${scope}${grouping}-${report.from}-${report.to}.csv`,
  );
}

export function rankingsCsvFile(report: RankingReport): StreamableFile {
  return csvFile(
    toCsv(RANKING_COLUMNS, report.units),
    `rankings-${report.provinceCode}-${report.from}-${report.to}.csv`,
  );
}

function csvFile(csv: string, filename: string): StreamableFile {
  return new StreamableFile(Buffer.from(csv, 'utf8'), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${filename}"`,
  });
}
