import type { DashboardNavigation } from './location';
import { OpenDossiers } from './OpenDossiers';
import { useIndicators } from './queries';
import { ScopeCards } from './ScopeCards';

/** One procedure of one unit: its indicators, then its late and its due-soon dossiers. */
export function ProcedureView({
  navigation,
  unit,
  procedure,
}: {
  navigation: DashboardNavigation;
  unit: string;
  procedure: string;
}) {
  // The unit's rows by procedure are the ones its view asked for: the same query, already at hand.
  const procedures = useIndicators(navigation.place.period, { unit, groupBy: 'procedure' });
  const row = procedures.data?.rows.find((candidate) => candidate.key === procedure);
  return (
    <>
      {row && <ScopeCards row={row} />}
      <OpenDossiers unit={unit} procedure={procedure} state="late" />
      <OpenDossiers unit={unit} procedure={procedure} state="due-soon" />
    </>
  );
}
