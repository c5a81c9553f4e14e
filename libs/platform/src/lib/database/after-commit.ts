import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

const CALLBACKS = 'onestop.afterCommit';
const installed = new WeakSet<DataSource>();

type Callbacks = (() => void)[];

/** Runs the callbacks a transaction registered once it has committed; drops them on rollback. */
class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown>;
    const callbacks = data[CALLBACKS] as Callbacks | undefined;
    delete data[CALLBACKS];
    callbacks?.forEach((callback) => callback());
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    delete (event.queryRunner.data as Record<string, unknown>)[CALLBACKS];
  }
}

/**
 * Runs `callback` after the transaction of `tx` commits (at once outside a transaction), e.g. to
 * drop a cache the transaction made stale: dropped earlier, a concurrent reader could load the
 * old rows again before the commit and keep them.
 */
export function afterCommit(tx: EntityManager, callback: () => void): void {
  const runner = tx.queryRunner;
  if (!runner?.isTransactionActive) return callback();
  if (!installed.has(tx.connection)) {
    installed.add(tx.connection);
    tx.connection.subscribers.push(new AfterCommitSubscriber());
  }
  const data = runner.data as Record<string, unknown>;
  ((data[CALLBACKS] ??= []) as Callbacks).push(callback);
}
