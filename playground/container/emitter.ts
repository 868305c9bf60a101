/**
 * A small typed event emitter: listeners keyed by an event map whose values
 * are listener signatures. Used by both runtimes and the session controller.
 */
type AnyListener = (...args: never[]) => void

/** Adds, emits and clears listeners of one event map. */
export class Emitter<M extends { [K in keyof M]: AnyListener }> {
  private readonly listeners = new Map<keyof M, Set<AnyListener>>()

  /** Adds a listener; the returned function removes it. */
  on<K extends keyof M>(event: K, listener: M[K]): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  }

  /** Calls every listener of `event`; one listener throwing spares the rest. */
  emit<K extends keyof M>(event: K, ...args: Parameters<M[K]>): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        ;(listener as (...values: unknown[]) => void)(...args)
      } catch (error) {
        // Rethrowing would crash the dev server when this runs in Node.
        console.error(`A listener of "${String(event)}" threw:`, error)
      }
    }
  }

  /** Removes every listener of every event. */
  clear(): void {
    this.listeners.clear()
  }
}
