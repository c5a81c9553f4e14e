import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { hasAnyRole } from '../auth/session';
import { ZONE } from '../ui/format';
import { Period, periodFromSearch } from './period';

const UNIT_CODE = /^\d{5}$/;

export interface DashboardPlace {
  period: Period;
  /** The unit looked at: a province role's pick (null for the whole province) or a unit leader's own unit. */
  unit: string | null;
  /** A procedure of that unit, whose late and due-soon dossiers are listed. */
  procedure: string | null;
  provinceWide: boolean;
  provinceCode: string | null;
  today: string;
}

export function todayInHue(): string {
  return dayjs().tz(ZONE).format('YYYY-MM-DD');
}

/**
 * Where the dashboard stands, all of it in the URL (?period&from&to&unit&procedure): a view can be
 * shared, and each step of a drill-down is a history entry the back button returns from.
 */
type PlaceChange = Partial<Pick<DashboardPlace, 'period' | 'unit' | 'procedure'>>;

export interface DashboardNavigation {
  place: DashboardPlace;
  go: (changes: PlaceChange) => void;
  /** The link to a place, for anchors a person can open in a new tab or share. */
  href: (changes: PlaceChange) => string;
}

export function useDashboardPlace(): DashboardNavigation {
  const [search, setSearch] = useSearchParams();
  const { principal } = useAuth();
  const today = todayInHue();
  const provinceWide = hasAnyRole(principal, ['province-leader', 'province-admin']);
  const asked = search.get('unit');
  const unit = provinceWide ? (asked && UNIT_CODE.test(asked) ? asked : null) : (principal?.unitCode ?? null);
  const place: DashboardPlace = {
    period: periodFromSearch(search, today),
    unit,
    procedure: unit ? search.get('procedure') : null,
    provinceWide,
    provinceCode: principal?.provinceCode ?? null,
    today,
  };

  function paramsFor(changes: PlaceChange): URLSearchParams {
    const next = { ...place, ...changes };
    const params = new URLSearchParams({ period: next.period.kind, from: next.period.from, to: next.period.to });
    if (provinceWide && next.unit) params.set('unit', next.unit);
    if (next.unit && next.procedure) params.set('procedure', next.procedure);
    return params;
  }

  return {
    place,
    go: (changes) => setSearch(paramsFor(changes)),
    href: (changes) => `?${paramsFor(changes).toString()}`,
  };
}
