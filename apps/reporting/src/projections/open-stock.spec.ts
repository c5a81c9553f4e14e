import { CounterBook } from './counter-book';
import { receivedFact } from '../test/received-fact';
import { DossierFactEntity } from '../read-model/dossier-fact.entity';
import { changeStocks, stockSpans } from './open-stock';

const received = receivedFact;

const finished = (at: string): DossierFactEntity => ({ ...received, status: 9, finishedAt: new Date(at) });

/** What a book would add, one plain row per counters row. */
const written = (book: CounterBook) =>
  book.pending().map(({ row, increments }) => ({
    ...row,
    open: increments['open_change'],
    overdue: increments['overdue_open_change'],
  }));

describe('open stocks as changes per local day', () => {
  it('counts an open dossier from its day of receipt, overdue from the day its deadline falls', () => {
    expect(stockSpans(received)).toEqual([
      { counter: 'open_change', from: '2026-11-24', until: null },
      { counter: 'overdue_open_change', from: '2026-11-27', until: null },
    ]);
  });

  it('ends both on the day of the result, and never counts a dossier resolved before its deadline as overdue', () => {
    expect(stockSpans(finished('2026-11-30T02:00:00Z'))).toEqual([
      { counter: 'open_change', from: '2026-11-24', until: '2026-11-30' },
      { counter: 'overdue_open_change', from: '2026-11-27', until: '2026-11-30' },
    ]);
    expect(stockSpans(finished('2026-11-26T02:00:00Z'))).toEqual([
      { counter: 'open_change', from: '2026-11-24', until: '2026-11-26' },
    ]);
  });

  it('does not count a dossier resolved on the day of receipt: it is open at no day’s end', () => {
    expect(stockSpans(finished('2026-11-24T09:00:00Z'))).toEqual([]);
  });

  it('counts a deadline already passed at receipt from the day of receipt, and a paused clock (no deadline) as within it', () => {
    expect(stockSpans({ ...received, dueAt: new Date('2026-11-20T02:00:00Z') })[1]).toEqual({
      counter: 'overdue_open_change',
      from: '2026-11-24',
      until: null,
    });
    expect(stockSpans({ ...received, dueAt: null })).toEqual([
      { counter: 'open_change', from: '2026-11-24', until: null },
    ]);
  });

  it('keeps a dossier refused at the desk out of every stock', () => {
    expect(stockSpans({ ...received, receivedAt: null, dueAt: null, status: 3 })).toEqual([]);
  });

  it('dates by the local day: 00:30 on the 25th in Huế is still the 24th in UTC', () => {
    expect(stockSpans({ ...received, receivedAt: new Date('2026-11-24T17:30:00Z'), dueAt: null })[0].from).toBe(
      '2026-11-25',
    );
  });

  it('moves a transferred dossier: the old unit’s spans are taken back, the new unit’s added', () => {
    const book = new CounterBook();
    changeStocks(book, received, { ...received, unitCode: '19754' });
    expect(written(book)).toEqual([
      { provinceCode: '46', unitCode: '19753', procedureCode: 'HKD-DANGKY', day: '2026-11-24', open: -1, overdue: 0 },
      { provinceCode: '46', unitCode: '19753', procedureCode: 'HKD-DANGKY', day: '2026-11-27', open: 0, overdue: -1 },
      { provinceCode: '46', unitCode: '19754', procedureCode: 'HKD-DANGKY', day: '2026-11-24', open: 1, overdue: 0 },
      { provinceCode: '46', unitCode: '19754', procedureCode: 'HKD-DANGKY', day: '2026-11-27', open: 0, overdue: 1 },
    ]);
  });

  it('closes the spans on the day of the result when a dossier ends', () => {
    const book = new CounterBook();
    changeStocks(book, received, finished('2026-11-30T02:00:00Z'));
    expect(written(book)).toEqual([
      { provinceCode: '46', unitCode: '19753', procedureCode: 'HKD-DANGKY', day: '2026-11-30', open: -1, overdue: -1 },
    ]);
  });
});
