/**
 * A whole small table held in memory: loaded on first use, reloaded once it is older than
 * `maxAgeMs` or invalidated, one load at a time however many callers wait for it. A failed load
 * is not kept, so the next caller tries again.
 */
export class ExpiringSnapshot<T> {
  private current: Promise<T> | null = null;
  private loadedAt = 0;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly maxAgeMs: number,
  ) {}

  get(): Promise<T> {
    if (Date.now() - this.loadedAt > this.maxAgeMs) this.current = null;
    if (!this.current) {
      this.loadedAt = Date.now();
      const loading = this.load();
      this.current = loading;
      loading.catch(() => {
        if (this.current === loading) this.current = null;
      });
    }
    return this.current;
  }

  invalidate(): void {
    this.current = null;
  }
}
