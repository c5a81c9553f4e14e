import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../ui/format';
import { ProblemAlert } from '../ui/ProblemAlert';
import { DashboardBreadcrumb } from './DashboardBreadcrumb';
import { LiveStamp } from './LiveStamp';
import { useDashboardPlace } from './location';
import { useNames } from './names';
import { PeriodPicker } from './PeriodPicker';
import { ProcedureView } from './ProcedureView';
import { ProvinceView } from './ProvinceView';
import { useIndicators } from './queries';
import { ScopeCards } from './ScopeCards';
import { ScopeCharts } from './ScopeCharts';
import { DASHBOARD } from './strings';
import { UnitView } from './UnitView';
import './dashboard.css';

/**
 * The leaders' live dashboard: the 766 indicators of the province or a unit for a period, charts
 * with their tables and CSVs, rankings and tasks, and a drill-down from the province to a commune,
 * its procedures and their late dossiers. Every figure refreshes by itself; the page prints as a report.
 */
export function DashboardPage() {
  const { t } = useTranslation(DASHBOARD);
  const navigation = useDashboardPlace();
  const { place, go } = navigation;
  const names = useNames(place.provinceCode);
  const scope = useIndicators(place.period, { unit: place.unit });
  const scopeRow = scope.data?.rows[0];
  const where = place.unit ? names.unit(place.unit) : t('breadcrumb.province');

  return (
    <div className="dashboard">
      <Flex justify="space-between" align="start" wrap gap={12}>
        <div>
          <h1 className="page-title">{t('title')}</h1>
          <p className="dashboard-subtitle">
            {t('subtitle', { where, from: formatDate(place.period.from), to: formatDate(place.period.to) })}
          </p>
        </div>
        <Flex gap={12} align="center" wrap>
          <LiveStamp dataAsOf={scope.data?.dataAsOf} answeredAt={scope.dataUpdatedAt} fetching={scope.isFetching} />
          <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} className="no-print">
            {t('print')}
          </Button>
        </Flex>
      </Flex>
      <PeriodPicker period={place.period} today={place.today} onChange={(period) => go({ period })} />
      <DashboardBreadcrumb navigation={navigation} />
      <ProblemAlert error={scope.error} />
      {scope.isPending ? <Spin /> : scopeRow && !place.procedure && <ScopeCards row={scopeRow} />}
      {place.unit && place.procedure ? (
        <ProcedureView navigation={navigation} unit={place.unit} procedure={place.procedure} />
      ) : (
        <>
          <ScopeCharts period={place.period} unit={place.unit} scope={scopeRow} provinceCode={place.provinceCode} />
          {place.unit ? (
            <UnitView navigation={navigation} unit={place.unit} />
          ) : (
            <ProvinceView navigation={navigation} />
          )}
        </>
      )}
    </div>
  );
}
