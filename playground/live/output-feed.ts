/** Keeps at most this many characters of output for a terminal opened late. */
export const OUTPUT_HISTORY_LIMIT = 200_000

/**
 * The app's terminal output: what was written so far (bounded) and a way to
 * follow what comes next. A terminal that mounts late replays the history
 * first, so the previous run's output is never lost from view.
 */
export class OutputFeed {
  #history = ''
  #written = 0
  #listeners = new Set<(chunk: string) => void>()

  /** How many characters were ever written; a mark for {@link since}. */
  get written(): number {
    return this.#written
  }

  /** What was written after `mark`, as far as the history still holds it. */
  since(mark: number): string {
    const kept = Math.min(this.#written - mark, this.#history.length)
    return kept > 0 ? this.#history.slice(-kept) : ''
  }

  /** Everything kept so far. */
  get history(): string {
    return this.#history
  }

  write(chunk: string): void {
    this.#written += chunk.length
    this.#history = (this.#history + chunk).slice(-OUTPUT_HISTORY_LIMIT)
    for (const listener of this.#listeners) listener(chunk)
  }

  /** Replays the history to `listener`, then follows; returns an unsubscribe. */
  subscribe(listener: (chunk: string) => void): () => void {
    if (this.#history) listener(this.#history)
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Drops every listener; the history stays. */
  close(): void {
    this.#listeners.clear()
  }
}
