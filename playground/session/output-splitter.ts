import {
  parseSessionEventLine,
  SESSION_EVENT_MARKER,
  type SessionEvent,
} from '../inspector/session-event'

/** Where {@link createOutputSplitter} sends what it separates. */
export interface OutputSplitterTargets {
  /** Terminal text, with session-event lines taken out; line ends kept. */
  onText(text: string): void
  onEvent(event: SessionEvent): void
}

/** Feeds process output in; see {@link createOutputSplitter}. */
export interface OutputSplitter {
  push(chunk: string): void
  /** Passes on what is held back once the output has ended. */
  flush(): void
}

/**
 * Splits a process' output into terminal text and session events. Chunks do
 * not respect lines, so a trailing partial line is held back while it could
 * still become an event line; any other partial line (a prompt, a progress
 * bar) goes to the terminal at once.
 */
export function createOutputSplitter(
  targets: OutputSplitterTargets,
): OutputSplitter {
  let held = ''

  const mayBecomeEvent = (partial: string) => {
    const start = partial.trimStart()
    return (
      partial.includes(SESSION_EVENT_MARKER) ||
      (start.length > 0 && SESSION_EVENT_MARKER.startsWith(start)) ||
      start.length === 0
    )
  }

  return {
    push(chunk) {
      const text = held + chunk
      held = ''
      let out = ''
      let from = 0
      for (;;) {
        const end = text.indexOf('\n', from)
        if (end === -1) break
        const line = text.slice(from, end + 1)
        const event = parseSessionEventLine(line.replace(/\r?\n$/, ''))
        if (event) {
          if (out) targets.onText(out)
          out = ''
          targets.onEvent(event)
        } else {
          out += line
        }
        from = end + 1
      }
      const rest = text.slice(from)
      if (rest && mayBecomeEvent(rest)) held = rest
      else out += rest
      if (out) targets.onText(out)
    },
    flush() {
      if (!held) return
      const event = parseSessionEventLine(held)
      if (event) targets.onEvent(event)
      else targets.onText(held)
      held = ''
    },
  }
}
