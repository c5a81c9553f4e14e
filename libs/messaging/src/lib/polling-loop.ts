import { Clock } from '@onestop/platform';
import { WakeableSleep } from './wakeable-sleep';

export interface PollingLoopOptions {
  /** One round of work; resolves true when more may be waiting, so the next round starts at once. */
  round: () => Promise<boolean>;
  /** Work that falls due without a wake-up (a retry, a deadline) is looked for this often. */
  pollMs: number;
  /** A failed round is reported here and tried again after the poll interval. */
  onError: (error: Error) => void;
  /** The service's clock: when it is moved (a simulation advanced), work may have fallen due, so a round starts at once. */
  clock?: Clock;
}

/**
 * A background loop over work kept in the database (deliveries due, deadlines due): rounds back to
 * back while there is work, then a pause that `wake()` cuts short when new work is committed.
 */
export class PollingLoop {
  private readonly pause = new WakeableSleep();
  private running: Promise<void> | null = null;
  private stopping = false;
  private stopWatchingJumps: () => void = () => undefined;

  constructor(private readonly options: PollingLoopOptions) {}

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.stopWatchingJumps = this.options.clock?.onJump(() => this.wake()) ?? (() => undefined);
    this.running = this.run();
  }

  /** Lets the round in progress finish, then resolves. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopWatchingJumps();
    this.pause.wake();
    await this.running;
    this.running = null;
  }

  wake(): void {
    this.pause.wake();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        this.pause.takeSignal();
        if (await this.options.round()) continue;
      } catch (error) {
        this.options.onError(error as Error);
      }
      if (!this.stopping) await this.pause.sleep(this.options.pollMs);
    }
  }
}
