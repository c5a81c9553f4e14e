/**
 * Where services read the time. Production uses the system clock; tests and the simulation
 * provide another so deadlines and event times can be moved.
 */
export abstract class Clock {
  abstract now(): Date;

  /**
   * Calls the listener whenever the time is moved rather than flowing (a test sets it, a command
   * advances the simulation), so background loops look for work that fell due at once instead of
   * at their next poll. Returns the unsubscribe. The system clock never jumps.
   */
  onJump(_listener: () => void): () => void {
    return () => undefined;
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that can be moved: keeps the listeners its jumps are announced to. */
export abstract class MovableClock extends Clock {
  private readonly jumpListeners = new Set<() => void>();

  override onJump(listener: () => void): () => void {
    this.jumpListeners.add(listener);
    return () => this.jumpListeners.delete(listener);
  }

  protected announceJump(): void {
    for (const listener of [...this.jumpListeners]) listener();
  }
}

/** A clock that only moves when told: for tests of time-dependent rules. */
export class ManualClock extends MovableClock {
  constructor(private current: Date) {
    super();
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(to: Date): void {
    this.current = new Date(to.getTime());
    this.announceJump();
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
    this.announceJump();
  }
}
