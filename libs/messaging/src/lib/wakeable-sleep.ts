/**
 * The pause of a polling loop (outbox relay, notification dispatcher) that a signal cuts short:
 * new work was committed, or the loop is stopping. A signal given while the loop is busy is kept,
 * so the next pause returns at once instead of waiting a whole interval for work already there.
 */
export class WakeableSleep {
  private signalled = true;
  private wakeUp: (() => void) | null = null;

  wake(): void {
    this.signalled = true;
    this.wakeUp?.();
  }

  /** The loop is about to look for work: signals given until now are answered by that look. */
  takeSignal(): void {
    this.signalled = false;
  }

  async sleep(ms: number): Promise<void> {
    if (this.signalled) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
    this.wakeUp = null;
  }
}
