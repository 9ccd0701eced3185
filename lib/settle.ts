/**
 * Runs a task once changes pause for `quietMs`, and at the latest `maxWaitMs` after the first
 * change it has not yet run for, so that a page which never stops changing (a ticker, a
 * clock) cannot starve the task.
 */
export class Settler {
  private quiet?: ReturnType<typeof setTimeout>;
  private cap?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly task: () => void,
    private readonly quietMs: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Notes a change: the task runs after the quiet period, or when the maximum wait is up. */
  poke(): void {
    clearTimeout(this.quiet);
    this.quiet = setTimeout(() => this.run(), this.quietMs);
    this.cap ??= setTimeout(() => this.run(), this.maxWaitMs);
  }

  /** Drops the pending run, if any. */
  cancel(): void {
    clearTimeout(this.quiet);
    clearTimeout(this.cap);
    this.quiet = this.cap = undefined;
  }

  private run(): void {
    this.cancel();
    this.task();
  }
}
