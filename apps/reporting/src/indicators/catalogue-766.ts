import { IndicatorCounts } from './indicator-counts';
import {
  onlineDossierShare,
  onTimeOrWithinDeadlineShare,
  proceduresWithOnlineDossiersShare,
  Ratio,
  resolvedWithoutDelayShare,
  satisfiedRatingShare,
  signedElectronicResultShare,
} from './indicators';

/**
 * Scoring by the index set of Decision 766/QĐ-TTg of 23 June 2022 (the "766 index set": steering,
 * management and assessment of the service given to citizens and businesses in administrative
 * procedures and public services, in real time, online). Codes such as "2.1" are the index set's own
 * numbering of its indicators.
 *
 * Where a value comes from:
 * - 'national-portal': the 100 points as the National Public Service Portal's 766 evaluation
 *   allocates them (groups 18 + 20 + 22 + 22 + 18; the portal shows online payment, 10 of group 3's
 *   22 points, as a panel of its own) and the targets it applies. Read from published
 *   reconstructions of the portal, not from the Decision's appendix: the province must confirm them.
 * - 'assumed': no published value was found; the province must set or confirm it before scores
 *   are used to compare units.
 */
export type ValueSource = 'national-portal' | 'assumed';

export const INDICATOR_GROUPS = ['transparency', 'progress', 'online', 'digitisation', 'satisfaction'] as const;
export type IndicatorGroup = (typeof INDICATOR_GROUPS)[number];

export interface BilingualLabel {
  vi: string;
  en: string;
}

export const INDICATOR_GROUP_CATALOGUE: Readonly<Record<IndicatorGroup, { label: BilingualLabel; maxPoints: number }>> =
  {
    transparency: { label: { vi: 'Công khai, minh bạch', en: 'Public disclosure and transparency' }, maxPoints: 18 },
    progress: { label: { vi: 'Tiến độ giải quyết', en: 'Progress of resolution' }, maxPoints: 20 },
    online: {
      label: { vi: 'Dịch vụ công trực tuyến, thanh toán trực tuyến', en: 'Online public service and online payment' },
      maxPoints: 22,
    },
    digitisation: { label: { vi: 'Số hóa hồ sơ, kết quả', en: 'Digitisation of dossiers and results' }, maxPoints: 22 },
    satisfaction: { label: { vi: 'Mức độ hài lòng', en: 'Satisfaction' }, maxPoints: 18 },
  };

interface CatalogueEntryBase {
  id: string;
  /** The indicator's number in the 766 index set; null where the portal shows it without one. */
  code: string | null;
  group: IndicatorGroup;
  label: BilingualLabel;
}

/** An indicator the dossier counters measure, scored against its target. */
export interface ComputableIndicator extends CatalogueEntryBase {
  computable: true;
  maxPoints: number;
  maxPointsSource: ValueSource;
  /** The ratio at which the indicator earns its full points (0.8 = 80 %). */
  target: number;
  targetSource: ValueSource;
  measure: (counts: IndicatorCounts) => Ratio;
  /** How the measure departs from the index set's definition, when it does. */
  caveat?: string;
}

/** An indicator of the index set that needs data the dossier events do not carry. */
export interface NotComputableIndicator extends CatalogueEntryBase {
  computable: false;
  /** Null where the portal's allocation within the group is not known. */
  maxPoints: number | null;
  maxPointsSource: ValueSource;
  reason: string;
}

export type CatalogueEntry = ComputableIndicator | NotComputableIndicator;

const PROCEDURE_CATALOGUE_REASON =
  'Measures how procedures are published in the national procedure database, not how dossiers are handled.';

export const INDICATOR_CATALOGUE: readonly CatalogueEntry[] = [
  // 1. Public disclosure and transparency.
  {
    id: 'transparency.proceduresPublishedOnTime',
    code: '1.1',
    group: 'transparency',
    label: { vi: 'TTHC công bố đúng hạn', en: 'Procedures announced on time' },
    computable: false,
    maxPoints: 6,
    maxPointsSource: 'national-portal',
    reason: PROCEDURE_CATALOGUE_REASON,
  },
  {
    id: 'transparency.proceduresDisclosedOnTime',
    code: '1.2',
    group: 'transparency',
    label: { vi: 'TTHC cập nhật, công khai đúng hạn', en: 'Procedures updated and disclosed on time' },
    computable: false,
    maxPoints: 4,
    maxPointsSource: 'national-portal',
    reason: PROCEDURE_CATALOGUE_REASON,
  },
  {
    id: 'transparency.proceduresDisclosedInFull',
    code: '1.3',
    group: 'transparency',
    label: { vi: 'TTHC công khai đầy đủ nội dung', en: 'Procedures disclosed with every required part' },
    computable: false,
    maxPoints: 2,
    maxPointsSource: 'national-portal',
    reason: PROCEDURE_CATALOGUE_REASON,
  },
  {
    id: 'transparency.dossiersSyncedToNationalPortal',
    code: '1.4',
    group: 'transparency',
    label: { vi: 'Hồ sơ đồng bộ lên Cổng DVCQG', en: 'Dossiers synchronised to the National Public Service Portal' },
    computable: false,
    maxPoints: 6,
    maxPointsSource: 'national-portal',
    reason: 'Compares with what the national portal received; no event reports that synchronisation.',
  },

  // 2. Progress of resolution.
  {
    id: 'progress.onTimeOrWithinDeadline',
    code: '2.1',
    group: 'progress',
    label: {
      vi: 'Hồ sơ giải quyết đúng hạn hoặc đang trong hạn',
      en: 'Dossiers resolved on time or still within the deadline',
    },
    computable: true,
    maxPoints: 20,
    maxPointsSource: 'national-portal',
    // No target published for 2.1: points proportional to the ratio.
    target: 1,
    targetSource: 'assumed',
    measure: onTimeOrWithinDeadlineShare,
  },

  // 3. Online public service and online payment.
  {
    id: 'online.proceduresOfferedOnline',
    code: '3.1',
    group: 'online',
    label: { vi: 'TTHC cung cấp dịch vụ công trực tuyến', en: 'Procedures offered as an online public service' },
    computable: false,
    maxPoints: null,
    maxPointsSource: 'national-portal',
    reason: 'Needs each procedure’s online service level from the procedure catalogue; the counters carry none.',
  },
  {
    id: 'online.fullProcessDossierShare',
    code: null,
    group: 'online',
    label: {
      vi: 'Hồ sơ DVCTT toàn trình trên hồ sơ của TTHC đủ điều kiện toàn trình',
      en: 'Full-process online dossiers among the dossiers of procedures eligible for it',
    },
    computable: false,
    maxPoints: null,
    maxPointsSource: 'national-portal',
    reason: 'Needs which procedures are eligible for full-process online service; the counters carry none.',
  },
  {
    id: 'online.proceduresWithOnlineDossiers',
    code: '3.2',
    group: 'online',
    label: {
      vi: 'TTHC có hồ sơ tiếp nhận trực tuyến',
      en: 'Procedures that received online dossiers',
    },
    computable: true,
    maxPoints: 4,
    maxPointsSource: 'assumed',
    target: 1,
    targetSource: 'assumed',
    measure: proceduresWithOnlineDossiersShare,
  },
  {
    id: 'online.onlineDossierShare',
    code: '3.3',
    group: 'online',
    label: { vi: 'Hồ sơ tiếp nhận trực tuyến', en: 'Dossiers filed online' },
    computable: true,
    maxPoints: 8,
    maxPointsSource: 'assumed',
    target: 0.5,
    targetSource: 'national-portal',
    measure: onlineDossierShare,
    caveat:
      'By channel only: the index set also requires an electronic result and weighs by the share synchronised to the national portal.',
  },
  {
    id: 'online.proceduresWithOnlinePayment',
    code: '3.5',
    group: 'online',
    label: {
      vi: 'TTHC có nghĩa vụ tài chính được cung cấp và thanh toán trực tuyến',
      en: 'Procedures with fees offered and paid online',
    },
    computable: false,
    maxPoints: 4,
    maxPointsSource: 'national-portal',
    reason: 'Needs fees and payment transactions; no payment event exists.',
  },
  {
    id: 'online.dossiersPaidOnline',
    code: '3.6',
    group: 'online',
    label: { vi: 'Hồ sơ thanh toán trực tuyến', en: 'Dossiers paid online' },
    computable: false,
    maxPoints: 6,
    maxPointsSource: 'national-portal',
    reason: 'Needs fees and payment transactions; no payment event exists.',
  },

  // 4. Digitisation of dossiers and results.
  {
    id: 'digitisation.signedElectronicResults',
    code: '4.1',
    group: 'digitisation',
    label: { vi: 'Hồ sơ có kết quả giải quyết điện tử', en: 'Dossiers with an electronic, signed result' },
    computable: true,
    maxPoints: 6,
    maxPointsSource: 'national-portal',
    target: 1,
    targetSource: 'assumed',
    measure: signedElectronicResultShare,
    caveat: 'Over all resolved dossiers; the index set counts only procedures whose result is a document.',
  },
  {
    id: 'digitisation.dossierComponentsDigitised',
    code: '4.2',
    group: 'digitisation',
    label: { vi: 'Hồ sơ thực hiện số hóa thành phần', en: 'Dossiers whose components were digitised' },
    computable: false,
    maxPoints: 4,
    maxPointsSource: 'national-portal',
    reason: 'Needs which components of each dossier were digitised at intake; no event reports it.',
  },
  {
    id: 'digitisation.electronicCertifiedCopies',
    code: null,
    group: 'digitisation',
    label: {
      vi: 'Cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính',
      en: 'Electronic certified copies from originals offered',
    },
    computable: false,
    maxPoints: 2,
    maxPointsSource: 'national-portal',
    reason: 'A property of the service catalogue, not of dossier events.',
  },
  {
    id: 'digitisation.digitisedDataReused',
    code: '4.3',
    group: 'digitisation',
    label: { vi: 'Hồ sơ khai thác, sử dụng lại dữ liệu số hóa', en: 'Dossiers reusing digitised data' },
    computable: false,
    maxPoints: 2,
    maxPointsSource: 'national-portal',
    reason: 'Needs whether a component was taken from earlier digitised data; no event reports it.',
  },
  {
    id: 'digitisation.sharedToPersonalStorage',
    code: '4.4',
    group: 'digitisation',
    label: {
      vi: 'Hồ sơ số hóa kết nối, chia sẻ để tái sử dụng',
      en: 'Digitised dossiers shared for reuse (personal data storage)',
    },
    computable: false,
    maxPoints: 4,
    maxPointsSource: 'national-portal',
    reason: 'Needs synchronisation with the national portal’s personal data storage; no event reports it.',
  },
  {
    id: 'digitisation.proceduresConnectedToPopulationData',
    code: '4.5',
    group: 'digitisation',
    label: { vi: 'TTHC kết nối, chia sẻ dữ liệu dân cư', en: 'Procedures connected to the population database' },
    computable: false,
    maxPoints: 2,
    maxPointsSource: 'national-portal',
    reason: 'A property of the procedure catalogue’s integrations, not of dossier events.',
  },
  {
    id: 'digitisation.dossiersUsingPopulationData',
    code: '4.5',
    group: 'digitisation',
    label: { vi: 'Hồ sơ sử dụng thông tin từ CSDL dân cư', en: 'Dossiers using population database data' },
    computable: false,
    maxPoints: 2,
    maxPointsSource: 'national-portal',
    reason: 'Needs whether applicant data came from the population database; no event reports it.',
  },

  // 5. Satisfaction.
  {
    id: 'satisfaction.petitionsHandledOnTime',
    code: '5.2',
    group: 'satisfaction',
    label: { vi: 'Phản ánh, kiến nghị xử lý đúng hạn', en: 'Petitions and complaints handled on time' },
    computable: false,
    maxPoints: 6,
    maxPointsSource: 'national-portal',
    reason: 'Petitions and complaints are received outside the dossier flow; no event reports them.',
  },
  {
    id: 'satisfaction.petitionHandlingSatisfaction',
    code: '5.3',
    group: 'satisfaction',
    label: { vi: 'Hài lòng trong xử lý phản ánh, kiến nghị', en: 'Satisfaction with the handling of petitions' },
    computable: false,
    maxPoints: 6,
    maxPointsSource: 'national-portal',
    reason: 'Petitions and complaints are received outside the dossier flow; no event reports them.',
  },
  // 5.4 is "100 % − the late share − the share with a complaint or a dislike rating", 6 points at 90 %:
  // measured here as its two parts, each a ratio of its own with half the points (the split is assumed).
  {
    id: 'satisfaction.resolvedWithoutDelay',
    code: '5.4',
    group: 'satisfaction',
    label: {
      vi: 'Hài lòng trong tiếp nhận, giải quyết TTHC (phần chậm muộn)',
      en: 'Satisfaction with dossier handling (delay part)',
    },
    computable: true,
    maxPoints: 3,
    maxPointsSource: 'assumed',
    target: 0.9,
    targetSource: 'national-portal',
    measure: resolvedWithoutDelayShare,
    caveat: 'Half of 5.4: the late share; the ratings are the other half (satisfaction.ratedSatisfied).',
  },
  {
    id: 'satisfaction.ratedSatisfied',
    code: '5.4',
    group: 'satisfaction',
    label: {
      vi: 'Hài lòng trong tiếp nhận, giải quyết TTHC (phần đánh giá của người dân)',
      en: "Satisfaction with dossier handling (applicants' ratings part)",
    },
    computable: true,
    maxPoints: 3,
    maxPointsSource: 'assumed',
    target: 0.9,
    targetSource: 'assumed',
    measure: satisfiedRatingShare,
    caveat:
      'Half of 5.4: ratings of 4 or 5 stars over all ratings given on the look-up page once results were handed over, for the unit that processed the dossier. ' +
      'A 3 counts as not satisfied, where the index set subtracts only dislikes; complaints received outside the platform are not counted.',
  },
];
