import { Column } from 'typeorm';

/** The numbers a counters row holds, the same in `daily_counters` and `monthly_counters` (see COUNTERS and STOCK_CHANGES). */
export abstract class CounterColumns {
  @Column('integer')
  received: number;

  @Column('integer', { name: 'received_online' })
  receivedOnline: number;

  @Column('integer')
  refused: number;

  @Column('integer')
  resolved: number;

  @Column('integer', { name: 'resolved_on_time' })
  resolvedOnTime: number;

  @Column('integer', { name: 'resolved_late' })
  resolvedLate: number;

  @Column('integer', { name: 'processing_minutes_sum' })
  processingMinutesSum: number;

  @Column('integer')
  stopped: number;

  @Column('integer')
  withdrawn: number;

  @Column('integer')
  returned: number;

  @Column('integer', { name: 'returned_electronic' })
  returnedElectronic: number;

  @Column('integer', { name: 'signed_results' })
  signedResults: number;

  @Column('integer', { name: 'overdue_events' })
  overdueEvents: number;

  @Column('integer')
  apologies: number;

  @Column('integer', { name: 'undeliverable_notices' })
  undeliverableNotices: number;

  @Column('integer')
  ratings: number;

  @Column('integer', { name: 'rating_points_sum' })
  ratingPointsSum: number;

  @Column('integer', { name: 'satisfied_ratings' })
  satisfiedRatings: number;

  @Column('integer', { name: 'open_change' })
  openChange: number;

  @Column('integer', { name: 'overdue_open_change' })
  overdueOpenChange: number;
}
