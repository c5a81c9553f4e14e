import { CLS_ID, ClsService } from 'nestjs-cls';
import { HandlerContext } from './inbox-consumer';

/**
 * Handlers run with the correlation id of the event they apply: their logs carry it, and the
 * events they write inherit it. One async-local store serves a whole batch, relabelled before
 * each handler (handlers of a batch run one after another): a store per event cost a measurable
 * share of a replay's time.
 */
export function correlationContext(cls: ClsService): HandlerContext {
  return {
    batch: (work) => cls.run(work),
    entering: (event) => cls.set(CLS_ID, event.correlationId),
  };
}
