/**
 * Runs a task once changes pause for `quietMs`, and at the latest `maxWaitMs` after the first
 * change it has not yet run for, so that a page which never stops changing (a ticker, a
 * clock) cannot starve the task.
 */
export class Settler {
  private timer?: ReturnType<typeof setTimeout>;
  /** When the first change not yet settled came. */
  private since?: number;

  constructor(
    private readonly task: () => void,
    private readonly quietMs: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Notes a change: the task runs after the quiet period, or when the maximum wait is up. */
  poke(): void {
    clearTimeout(this.timer);
    this.since ??= Date.now();
    this.timer = setTimeout(
      () => {
        this.cancel();
        this.task();
      },
      Math.min(this.quietMs, this.since + this.maxWaitMs - Date.now()),
    );
  }

  /** Drops the pending run, if any. */
  cancel(): void {
    clearTimeout(this.timer);
    this.since = undefined;
  }
}
