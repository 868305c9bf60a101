import type { RuntimeKind } from '../container/types'
import type { SessionEvent } from '../inspector/session-event'

/** Where an example session is. */
export type SessionStatus =
  'idle' | 'booting' | 'running' | 'failed' | 'stopped'

/** The steps of a boot, in order. */
export type BootStepName = 'boot' | 'mount' | 'install' | 'lift'

/** One step of a boot, with its timing. */
export interface BootStep {
  name: BootStepName
  status: 'pending' | 'running' | 'done' | 'failed'
  /** `Date.now()` when the step began, or null before. */
  startedAt: number | null
  /** Milliseconds the step took, or null until it ended. */
  elapsedMs: number | null
  /** A sentence for the reader, such as why a step had nothing to do. */
  note: string | null
}

/** A snapshot of an example session; replaced, never mutated. */
export interface ExampleSessionState {
  status: SessionStatus
  runtime: RuntimeKind
  steps: readonly BootStep[]
  /** Where the app answers, for the preview frame; null while it does not. */
  previewUrl: string | null
  /** Why the session failed, as a sentence; null otherwise. */
  error: string | null
}

/** Listener signatures of an example session's events. */
export interface ExampleSessionEventMap {
  /** The state changed. */
  state: (state: ExampleSessionState) => void
  /** Process output for the terminal, session-event lines taken out. */
  output: (text: string) => void
  /** The app reported what a request did to the session. */
  'session-event': (event: SessionEvent) => void
  /** The app was stopped to start again; clear what described the old one. */
  restart: () => void
  /** The app process ended, expectedly or not. */
  exit: (code: number) => void
}

/** Steps of a boot that has not begun. */
export function pendingSteps(): BootStep[] {
  return (['boot', 'mount', 'install', 'lift'] as const).map((name) => ({
    name,
    status: 'pending',
    startedAt: null,
    elapsedMs: null,
    note: null,
  }))
}
