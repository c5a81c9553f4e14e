import { CLS_ID, ClsService } from 'nestjs-cls';
import { HandlerContext } from './inbox-consumer';

/**
 * Handlers run with the correlation id of the event they apply, which their logs carry (events
 * they write take it from that event through `causedBy`). One async-local store serves a whole
 * batch, relabelled before each handler (handlers of a batch run one after another): a store per
 * event cost a measurable share of a replay's time. Work a handler leaves running after it
 * returns logs under the batch's later ids.
 */
export function correlationContext(cls: ClsService): HandlerContext {
  return {
    batch: (work) => cls.run(work),
    entering: (event) => cls.set(CLS_ID, event.correlationId),
  };
}
