import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DashboardNavigation } from './location';
import { useNames } from './names';
import { DASHBOARD } from './strings';

/** Where one is in the drill-down (province › commune › procedure), each level a link back to it. */
export function DashboardBreadcrumb({ navigation }: { navigation: DashboardNavigation }) {
  const { t } = useTranslation(DASHBOARD);
  const { place, href } = navigation;
  const names = useNames(place.provinceCode);
  const levels = [
    ...(place.provinceWide ? [{ label: t('breadcrumb.province'), to: href({ unit: null, procedure: null }) }] : []),
    ...(place.unit ? [{ label: names.unit(place.unit), to: href({ unit: place.unit, procedure: null }) }] : []),
    ...(place.unit && place.procedure
      ? [{ label: names.procedure(place.procedure), to: href({ procedure: place.procedure }) }]
      : []),
  ];
  return (
    <nav aria-label={t('breadcrumb.label')}>
      <Breadcrumb
        items={levels.map((level, index) => ({
          key: level.to,
          title:
            index === levels.length - 1 ? (
              <span aria-current="page">{level.label}</span>
            ) : (
              <Link to={level.to}>{level.label}</Link>
            ),
        }))}
      />
    </nav>
  );
}
