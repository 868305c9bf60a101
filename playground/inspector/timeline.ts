import type {
  InspectorInput,
  InspectorState,
  TimelineEntry,
} from './inspector-state'
import { describeDuration, shorten } from './session-cookie'

/**
 * Says in words what one input changed, by comparing the state before and
 * after it. Returns no entry for a request that changed nothing a reader
 * would notice, so the timeline stays a story rather than a log.
 */
export function describeChange(
  before: InspectorState,
  after: InspectorState,
  input: InspectorInput,
): TimelineEntry[] {
  const entries: TimelineEntry[] = []
  const say = (kind: TimelineEntry['kind'], text: string) =>
    entries.push({ time: input.time, kind, text })

  switch (input.type) {
    case 'restart':
      say(
        'restart',
        input.reason === 'edits'
          ? 'You ran your edits: the server restarts with them.'
          : 'You restarted the server.',
      )
      break

    case 'stopped':
      say(
        input.reason === 'failed' ? 'error' : 'info',
        input.reason === 'failed'
          ? 'The app is not running: it failed to lift or stopped on its own.'
          : 'You stopped the server.',
      )
      break

    case 'lift': {
      const store = storeName(input.store.kind)
      if (before.liftedWith && before.liftedWith !== input.store.kind) {
        say('store', `The session store is now ${store}.`)
      }
      if (before.restarting) {
        say('restart', restartStory(input.store.kind, input.store.sessions))
      } else if (!before.appUrl) {
        say('info', `The app lifted with the ${store} session store.`)
      } else {
        say(
          'restart',
          input.store.kind === 'memory'
            ? 'The app lifted again; the in-memory store starts empty.'
            : `The app lifted again; Redis holds ${sessionCount(input.store.sessions)}.`,
        )
      }
      break
    }

    case 'store':
      say(input.store.reachable ? 'store' : 'error', input.message)
      break

    case 'request': {
      const wasLoggedIn = before.record?.data.userId !== undefined
      const isLoggedIn = after.record?.data.userId !== undefined
      const sameSession =
        before.record !== null &&
        before.record.sessionId === after.record?.sessionId

      if (input.status === 503) {
        say(
          'error',
          `${input.method} ${input.path} failed with 503: the session store ` +
            'did not answer.',
        )
      }
      if (
        input.method === 'POST' &&
        input.path === '/login' &&
        input.status >= 400 &&
        input.status < 500
      ) {
        say('error', 'The login was refused, so the session has no userId.')
      }

      const expired =
        before.cookie?.expires != null &&
        Date.parse(before.cookie.expires) <= Date.parse(input.time)
      if (
        expired &&
        after.cookie &&
        before.cookie?.sessionId !== after.cookie.sessionId
      ) {
        say(
          'cookie',
          'The cookie expired, so the browser stopped sending it; the server ' +
            `started a new session, ${shorten(after.cookie.sessionId)}, ` +
            'and sent a new cookie.',
        )
      } else if (
        before.cookie &&
        input.setCookie &&
        after.cookie &&
        before.cookie.sessionId !== after.cookie.sessionId
      ) {
        say(
          'cookie',
          `The server did not know the session ${shorten(before.cookie.sessionId)} ` +
            `any more, so it started a new one, ${shorten(after.cookie.sessionId)}, ` +
            'and sent a new cookie.',
        )
      } else if (!before.cookie && after.cookie) {
        say(
          'cookie',
          `The server started session ${shorten(after.cookie.sessionId)} ` +
            `and set its cookie, which ${cookieLifetime(after.cookie.expires, input.time)}.`,
        )
      }

      if (!wasLoggedIn && isLoggedIn) {
        say(
          'login',
          `You logged in as user ${String(after.record?.data.userId)}. ` +
            (sameSession
              ? 'The session id did not change at login.'
              : 'The session id changed at login.'),
        )
      } else if (wasLoggedIn && !isLoggedIn && sameSession) {
        say(
          'logout',
          'You logged out: userId is gone from the session, but the session ' +
            'id and the cookie stay.',
        )
      }

      const expiresBefore = before.cookie?.expires ?? null
      const expiresAfter = after.cookie?.expires ?? null
      if (
        before.cookie &&
        input.setCookie &&
        before.cookie.sessionId === after.cookie?.sessionId &&
        !sameInstant(expiresBefore, expiresAfter)
      ) {
        say(
          'cookie',
          `The cookie now ${cookieLifetime(expiresAfter, input.time)}.`,
        )
      }
      break
    }
  }
  return entries
}

function storeName(kind: string): string {
  return kind === 'redis' ? 'Redis' : 'in-memory'
}

function restartStory(kind: string, sessions: number | null): string {
  if (kind === 'memory') {
    return (
      'The server restarted and forgot every session: the in-memory store ' +
      'starts empty.'
    )
  }
  if (sessions === 0) return 'The server restarted; Redis holds no session yet.'
  return `The server restarted, and Redis still holds ${sessionCount(sessions)}.`
}

function sessionCount(sessions: number | null): string {
  if (sessions === null) return 'the sessions it held'
  return `${sessions} session${sessions === 1 ? '' : 's'}`
}

function cookieLifetime(expires: string | null, now: string): string {
  if (!expires) return 'ends with the browser session'
  const ms = Date.parse(expires) - Date.parse(now)
  return `expires in ${describeDuration(ms)}`
}

// Expires is sent to the second; two values within a second are the same
// moment written twice, not a change worth a line.
function sameInstant(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b
  return Math.abs(Date.parse(a) - Date.parse(b)) < 1500
}
