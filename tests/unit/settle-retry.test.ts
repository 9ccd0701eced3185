import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withRetry } from '../../lib/retry';
import { Settler } from '../../lib/settle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('settle timer', () => {
  it('runs once the changes pause for the quiet period', () => {
    const task = vi.fn();
    const settler = new Settler(task, 150, 400);
    settler.poke();
    vi.advanceTimersByTime(100);
    settler.poke();
    vi.advanceTimersByTime(149);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs at the latest after the maximum wait while a ticker changes the page every 50 ms', () => {
    const task = vi.fn();
    const settler = new Settler(task, 150, 400);
    const ticker = setInterval(() => settler.poke(), 50);
    settler.poke();
    vi.advanceTimersByTime(399);
    expect(task).not.toHaveBeenCalled();
    // A timer due now still waits for the clock's next millisecond.
    vi.advanceTimersByTime(2);
    expect(task).toHaveBeenCalledTimes(1);
    // The next maximum wait starts with the next change (at 450, 900…): it runs again near 850, 1300 and 1750.
    vi.advanceTimersByTime(1599);
    expect(task).toHaveBeenCalledTimes(4);
    clearInterval(ticker);
    vi.advanceTimersByTime(150);
    expect(task).toHaveBeenCalledTimes(5);
  });

  it('runs nothing once cancelled', () => {
    const task = vi.fn();
    const settler = new Settler(task, 150, 400);
    settler.poke();
    settler.cancel();
    vi.advanceTimersByTime(1000);
    expect(task).not.toHaveBeenCalled();
  });
});

describe('retrying a message to a stopped service worker', () => {
  const closed = () =>
    new Error(
      'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
    );

  it('sends again with growing waits until the worker answers', async () => {
    const fn = vi
      .fn()
      .mockRejectedValueOnce(closed())
      .mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'))
      .mockResolvedValue('ok');
    const result = withRetry(fn);
    await vi.advanceTimersByTimeAsync(99);
    expect(fn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fn).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(199);
    expect(fn).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    await expect(result).resolves.toBe('ok');
  });

  it('gives up after the last try, and at once on an error a retry cannot mend', async () => {
    const always = vi.fn().mockRejectedValue(closed());
    const failing = expect(withRetry(always, 3)).rejects.toThrow('message channel closed');
    await vi.advanceTimersByTimeAsync(1000);
    await failing;
    expect(always).toHaveBeenCalledTimes(3);
    const invalid = vi.fn().mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(withRetry(invalid)).rejects.toThrow('invalidated');
    expect(invalid).toHaveBeenCalledTimes(1);
  });
});
