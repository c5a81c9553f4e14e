import { useTranslation } from 'react-i18next';
import { shownCell } from './dataset';
import {
  averageProcessingHours,
  count,
  groupPoints,
  indicatorPoints,
  IndicatorRow,
  Points,
  ratioOf,
  totalPoints,
} from './report-row';
import { DASHBOARD } from './strings';

interface Card {
  id: string;
  title: string;
  value: string;
  detail: string;
  points: Points | null;
}

const SHARE = { key: 'share', label: '', kind: 'share' } as const;
const NUMBER = { key: 'number', label: '', kind: 'number' } as const;

/** The 766 indicators of the scope for the period, each with its terms and its points. */
export function ScopeCards({ row }: { row: IndicatorRow }) {
  const { t, i18n } = useTranslation(DASHBOARD);
  const language = i18n.language;
  const share = (name: string) => {
    const ratio = ratioOf(row, name);
    return {
      value: ratio.value === null ? t('cards.nothingToMeasure') : shownCell(ratio.value, SHARE, language),
      detail: t('cards.ofTerms', { numerator: ratio.numerator, denominator: ratio.denominator }),
    };
  };
  const hours = averageProcessingHours(row);
  const satisfaction = groupPoints(row, 'satisfaction');
  const total = totalPoints(row);
  const cards: Card[] = [
    {
      id: 'onTime',
      title: t('cards.onTime'),
      ...share('onTimeOrWithinDeadlineShare'),
      points: indicatorPoints(row, 'progress.onTimeOrWithinDeadline'),
    },
    {
      id: 'processing',
      title: t('cards.processing'),
      value:
        hours === null ? t('cards.nothingToMeasure') : t('cards.hours', { hours: shownCell(hours, NUMBER, language) }),
      detail: t('cards.resolvedCount', { count: count(row, 'resolved') }),
      points: null,
    },
    {
      id: 'online',
      title: t('cards.online'),
      ...share('onlineDossierShare'),
      points: indicatorPoints(row, 'online.onlineDossierShare'),
    },
    {
      id: 'signed',
      title: t('cards.signed'),
      ...share('signedElectronicResultShare'),
      points: indicatorPoints(row, 'digitisation.signedElectronicResults'),
    },
    {
      id: 'satisfaction',
      title: t('cards.satisfaction'),
      value:
        satisfaction && satisfaction.assessedMaxPoints > 0
          ? shownCell(satisfaction.points, NUMBER, language)
          : t('cards.notComputable'),
      // The group's points, and the citizens' ratings behind them (Decision 766's 5.4 in part).
      detail: [
        satisfaction && satisfaction.assessedMaxPoints > 0
          ? t('cards.pointsOf', { max: shownCell(satisfaction.maxPoints, NUMBER, language) })
          : t('cards.notComputableWhy'),
        t('cards.ratings', { satisfied: count(row, 'satisfiedRatings'), count: count(row, 'ratings') }),
      ].join(' · '),
      points: null,
    },
    {
      id: 'total',
      title: t('cards.total'),
      value: shownCell(total.points, NUMBER, language),
      detail: t('cards.totalOf', {
        max: shownCell(total.maxPoints, NUMBER, language),
        assessed: shownCell(total.assessedMaxPoints, NUMBER, language),
      }),
      points: null,
    },
  ];

  return (
    <ul className="scope-cards" aria-label={t('cards.label')}>
      {cards.map((card) => (
        <li key={card.id} className={`dashboard-card scope-card scope-card-${card.id}`} data-card={card.id}>
          <span className="scope-card-title">{card.title}</span>
          <strong className="scope-card-value">{card.value}</strong>
          <span className="scope-card-detail">{card.detail}</span>
          {card.points && (
            <span className="scope-card-points">
              {card.points.assessedMaxPoints === 0 && card.points.points === 0
                ? t('cards.pointsUnassessed', { max: shownCell(card.points.maxPoints, NUMBER, language) })
                : t('cards.points', {
                    points: shownCell(card.points.points, NUMBER, language),
                    max: shownCell(card.points.maxPoints, NUMBER, language),
                  })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
