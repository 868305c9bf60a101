import type {
  SentCookie,
  SessionEvent,
  SessionRequestEvent,
  SessionStoreInfo,
  StoredCookie,
} from './session-event'
import { sessionIdFromCookie } from './session-cookie'
import { describeChange } from './timeline'

/** The page's own signals, mixed with the app's events in one stream. */
export type PlaygroundSignal =
  | {
      type: 'restart'
      time: string
      /** Why: the Restart button, or a Run that applies the reader's edits. */
      reason: 'restart' | 'edits'
    }
  | {
      type: 'stopped'
      time: string
      /** Why: the reader stopped it, or it failed to lift or crashed. */
      reason: 'stopped' | 'failed'
    }

/** Everything the inspector reads, in the order it happened. */
export type InspectorInput = SessionEvent | PlaygroundSignal

/** The session cookie the browser holds: the last one the server sent. */
export interface BrowserCookie extends SentCookie {
  /** The session id the cookie names. */
  sessionId: string
}

/** The server's record of the browser's session, as of the last request. */
export interface ServerRecord {
  sessionId: string
  data: Record<string, unknown>
  cookie: StoredCookie | null
  /** ISO time of the request that reported it. */
  seenAt: string
}

/** One line of the timeline, in words a reader understands. */
export interface TimelineEntry {
  time: string
  kind: 'cookie' | 'login' | 'logout' | 'restart' | 'store' | 'error' | 'info'
  text: string
}

/** What the Session state region shows. */
export interface InspectorState {
  cookie: BrowserCookie | null
  record: ServerRecord | null
  store: SessionStoreInfo | null
  /** The URL the app lifted at, or null before the first lift. */
  appUrl: string | null
  /** True between a restart and the lift that follows it. */
  restarting: boolean
  /** The store the app last lifted with; kept while it is stopped. */
  liftedWith: SessionStoreInfo['kind'] | null
  timeline: TimelineEntry[]
}

/** Holds at most this many timeline entries; the oldest go first. */
export const TIMELINE_LIMIT = 200

/** The state before anything ran. */
export function initialInspectorState(): InspectorState {
  return {
    cookie: null,
    record: null,
    store: null,
    appUrl: null,
    restarting: false,
    liftedWith: null,
    timeline: [],
  }
}

/**
 * Folds one input into the state. Pure: the same inputs in the same order
 * always give the same state, which is what the unit tests rely on.
 */
export function reduceInspector(
  state: InspectorState,
  input: InspectorInput,
): InspectorState {
  const next = applyInput(state, input)
  const entries = describeChange(state, next, input)
  if (entries.length === 0) return next
  return {
    ...next,
    timeline: [...next.timeline, ...entries].slice(-TIMELINE_LIMIT),
  }
}

function applyInput(
  state: InspectorState,
  input: InspectorInput,
): InspectorState {
  switch (input.type) {
    case 'restart':
      return { ...state, restarting: true }
    case 'stopped':
      // Nothing answers for the store while the app is down.
      return { ...state, restarting: false, store: null }
    case 'lift':
      return {
        ...state,
        appUrl: input.url,
        store: input.store,
        restarting: false,
        liftedWith: input.store.kind,
      }
    case 'store':
      return { ...state, store: input.store }
    case 'request':
      return applyRequest(state, input)
  }
}

function applyRequest(
  state: InspectorState,
  event: SessionRequestEvent,
): InspectorState {
  const cookie = event.setCookie
    ? {
        ...event.setCookie,
        sessionId: sessionIdFromCookie(event.setCookie.value),
      }
    : state.cookie
  const record =
    event.sessionId === null
      ? state.record
      : {
          sessionId: event.sessionId,
          data: event.data,
          cookie: event.cookie,
          seenAt: event.time,
        }
  return { ...state, cookie, record, store: event.store }
}
