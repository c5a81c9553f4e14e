import { localDateOf } from '@onestop/calendar';
import { CounterBook, CounterRow } from './counter-book';
import { DossierFactEntity } from '../read-model/dossier-fact.entity';

/** A span of local days [from, until) a dossier counts in a stock; `until` null while it lasts. */
interface StockSpan {
  counter: 'open_change' | 'overdue_open_change';
  from: string;
  until: string | null;
}

/**
 * The days a dossier counts as open at a day's end: from the day it was received until the day it
 * finished; and as open past its deadline from the day the deadline fell (or receipt, if later).
 * These are the rules the indicators judge a period's end by: received before the end, not
 * finished by it, overdue if the deadline in force had passed. A day-long period ending at local
 * midnight makes the day of each instant enough.
 */
export function stockSpans(fact: DossierFactEntity): StockSpan[] {
  if (!fact.receivedAt) return [];
  const opened = localDateOf(fact.receivedAt);
  const closed = fact.finishedAt ? localDateOf(fact.finishedAt) : null;
  const lasts = (from: string) => closed === null || from < closed;
  const spans: StockSpan[] = [];
  if (lasts(opened)) spans.push({ counter: 'open_change', from: opened, until: closed });
  if (fact.dueAt) {
    const overdueFrom = [opened, localDateOf(fact.dueAt)].sort()[1];
    if (lasts(overdueFrom)) spans.push({ counter: 'overdue_open_change', from: overdueFrom, until: closed });
  }
  return spans;
}

/**
 * Moves a dossier's contribution to the stocks from what its fact said to what it says now: the
 * old spans are taken back, the new ones added, on the unit and procedure of each version.
 */
export function changeStocks(book: CounterBook, before: DossierFactEntity | null, after: DossierFactEntity): void {
  if (before) addSpans(book, before, -1);
  addSpans(book, after, 1);
}

function addSpans(book: CounterBook, fact: DossierFactEntity, sign: 1 | -1): void {
  const row = (day: string): CounterRow => ({
    provinceCode: fact.provinceCode,
    unitCode: fact.unitCode,
    procedureCode: fact.procedureCode,
    day,
  });
  for (const span of stockSpans(fact)) {
    book.add(row(span.from), { [span.counter]: sign });
    if (span.until !== null) book.add(row(span.until), { [span.counter]: -sign });
  }
}
