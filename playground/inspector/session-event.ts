/**
 * The session-event protocol shared by the example app and the page.
 *
 * The app reports what each request did to the session as one line on its
 * standard output: the marker {@link SESSION_EVENT_MARKER}, a space, then the
 * event as JSON. Both runtimes hand the page a process's output, so the page
 * reads these lines from there and never calls the app over the network. The
 * page strips them before the terminal shows the output.
 *
 * The app is JavaScript and cannot import this file at run time; it writes the
 * same marker and refers to these types through JSDoc. The integration tests
 * parse the app's real output with {@link parseSessionEventLine}, so the two
 * cannot drift apart unnoticed.
 */

/** Starts every session-event line the app writes. */
export const SESSION_EVENT_MARKER = '@@session-event'

/** Which store holds the sessions. */
export type SessionStoreKind = 'memory' | 'redis'

/** The cookie as express-session keeps it next to the session data. */
export interface StoredCookie {
  /** Milliseconds the cookie was given, or null for a browser-session cookie. */
  originalMaxAge: number | null
  /** ISO date the cookie expires, or null for a browser-session cookie. */
  expires: string | null
  httpOnly: boolean
  secure: boolean
  sameSite: 'lax' | 'strict' | 'none' | boolean | null
  partitioned: boolean
}

/** One `Set-Cookie` header the response really sent, parsed. */
export interface SentCookie {
  /** The header exactly as sent. */
  header: string
  name: string
  value: string
  /** ISO date from `Expires=`, or null when the header has none. */
  expires: string | null
  /** Seconds from `Max-Age=`, or null when the header has none. */
  maxAge: number | null
  httpOnly: boolean
  secure: boolean
  sameSite: string | null
  partitioned: boolean
  path: string | null
}

/** What one request did to the session, reported once the response ended. */
export interface SessionRequestEvent {
  type: 'request'
  /** ISO time the response finished. */
  time: string
  method: string
  path: string
  status: number
  /** The session id, or null when the request had no session. */
  sessionId: string | null
  /** The session's own data, without the cookie. */
  data: Record<string, unknown>
  cookie: StoredCookie | null
  /** The session cookie this response set, or null when it set none. */
  setCookie: SentCookie | null
  store: SessionStoreInfo
}

/** What the app knows about its session store at one moment. */
export interface SessionStoreInfo {
  kind: SessionStoreKind
  /** How many sessions the store holds, or null when it cannot tell. */
  sessions: number | null
  /** Seconds the Redis key of this session has left; null elsewhere. */
  ttl: number | null
  /** False when the store did not answer (Redis down). */
  reachable: boolean
}

/** The app has lifted and listens. */
export interface SessionLiftEvent {
  type: 'lift'
  time: string
  url: string
  store: SessionStoreInfo
}

/** The session store stopped or started answering. */
export interface SessionStoreEvent {
  type: 'store'
  time: string
  store: SessionStoreInfo
  /** A sentence for the reader, such as why the store is unreachable. */
  message: string
}

/** Every event the app reports, by its `type`. */
export type SessionEvent =
  SessionRequestEvent | SessionLiftEvent | SessionStoreEvent

/**
 * Reads one line of process output. Returns the event it carries, or null when
 * the line is ordinary output. Carriage returns from a terminal are ignored.
 */
export function parseSessionEventLine(line: string): SessionEvent | null {
  const start = line.indexOf(SESSION_EVENT_MARKER + ' ')
  if (start === -1) return null
  const json = line.slice(start + SESSION_EVENT_MARKER.length + 1).trim()
  try {
    const event = JSON.parse(json) as SessionEvent
    if (typeof event !== 'object' || event === null) return null
    if (!['request', 'lift', 'store'].includes(event.type)) return null
    return event
  } catch {
    return null
  }
}
