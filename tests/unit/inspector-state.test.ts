import { describe, expect, it } from 'vitest'
import {
  initialInspectorState,
  reduceInspector,
  type InspectorInput,
  type InspectorState,
} from '../../playground/inspector/inspector-state'
import type {
  SentCookie,
  SessionRequestEvent,
  SessionStoreInfo,
} from '../../playground/inspector/session-event'

const memory: SessionStoreInfo = {
  kind: 'memory',
  sessions: 1,
  ttl: null,
  reachable: true,
}
const T0 = '2026-01-01T10:00:00.000Z'
const THIRTY_DAYS = 30 * 24 * 60 * 60 * 1000

function sent(sid: string, expires: string | null = null): SentCookie {
  const value = `s%3A${sid}.signature`
  return {
    header: `sails.sid=${value}; Path=/; HttpOnly`,
    name: 'sails.sid',
    value,
    expires,
    maxAge: null,
    httpOnly: true,
    secure: false,
    sameSite: null,
    partitioned: false,
    path: '/',
  }
}

function request(
  overrides: Partial<SessionRequestEvent> = {},
): SessionRequestEvent {
  return {
    type: 'request',
    time: T0,
    method: 'GET',
    path: '/login',
    status: 200,
    sessionId: 'aaaaaaaaaaaaaaaa',
    data: {},
    cookie: null,
    setCookie: null,
    store: memory,
    ...overrides,
  }
}

function run(...inputs: InspectorInput[]): InspectorState {
  return inputs.reduce(reduceInspector, initialInspectorState())
}

const lift: InspectorInput = {
  type: 'lift',
  time: T0,
  url: 'http://127.0.0.1:1337',
  store: { ...memory, sessions: 0 },
}
const firstVisit = request({ setCookie: sent('aaaaaaaaaaaaaaaa') })
const login = request({
  method: 'POST',
  path: '/login',
  status: 302,
  data: { userId: 1 },
})

describe('the session inspector', () => {
  it('holds the cookie the server sent and names its session', () => {
    const state = run(lift, firstVisit)

    expect(state.cookie?.sessionId).toBe('aaaaaaaaaaaaaaaa')
    expect(state.cookie?.expires).toBeNull()
    expect(state.timeline.at(-1)?.text).toMatch(
      /set its cookie, which ends with the browser session/,
    )
  })

  it('says the session id did not change at login', () => {
    const state = run(lift, firstVisit, login)

    expect(state.record?.data.userId).toBe(1)
    expect(state.timeline.at(-1)?.text).toBe(
      'You logged in as user 1. The session id did not change at login.',
    )
  })

  it('says when the cookie starts to expire in 30 days', () => {
    const expires = new Date(Date.parse(T0) + THIRTY_DAYS).toISOString()
    const state = run(
      lift,
      firstVisit,
      request({
        ...login,
        setCookie: sent('aaaaaaaaaaaaaaaa', expires),
      }),
    )

    expect(state.cookie?.expires).toBe(expires)
    expect(state.timeline.map((entry) => entry.text)).toContain(
      'The cookie now expires in 30 days.',
    )
  })

  it('says logging out keeps the session id and the cookie', () => {
    const logout = request({ method: 'POST', path: '/logout', status: 302 })
    const state = run(lift, firstVisit, login, logout)

    expect(state.record?.data.userId).toBeUndefined()
    expect(state.timeline.at(-1)?.kind).toBe('logout')
  })

  it('says a restart of the memory store forgot every session', () => {
    const state = run(
      lift,
      firstVisit,
      login,
      { type: 'restart', time: T0, reason: 'restart' },
      lift,
    )

    expect(state.timeline.at(-1)?.text).toBe(
      'The server restarted and forgot every session: the in-memory store ' +
        'starts empty.',
    )
  })

  it('says the server started a new session when the old cookie was unknown', () => {
    const state = run(
      lift,
      firstVisit,
      { type: 'restart', time: T0, reason: 'restart' },
      lift,
      request({
        sessionId: 'bbbbbbbbbbbbbbbb',
        setCookie: sent('bbbbbbbbbbbbbbbb'),
      }),
    )

    expect(state.cookie?.sessionId).toBe('bbbbbbbbbbbbbbbb')
    expect(state.timeline.at(-1)?.text).toMatch(/did not know the session/)
  })

  it('says the cookie expired when the browser stopped sending it', () => {
    const expires = new Date(Date.parse(T0) + 5000).toISOString()
    const later = new Date(Date.parse(T0) + 6000).toISOString()
    const state = run(
      lift,
      request({ setCookie: sent('aaaaaaaaaaaaaaaa', expires) }),
      request({
        time: later,
        sessionId: 'bbbbbbbbbbbbbbbb',
        setCookie: sent('bbbbbbbbbbbbbbbb'),
      }),
    )

    expect(state.timeline.at(-1)?.text).toMatch(
      /^The cookie expired, so the browser stopped sending it/,
    )
  })

  it('says the store changed when the app lifts with Redis', () => {
    const redis: SessionStoreInfo = {
      kind: 'redis',
      sessions: 3,
      ttl: null,
      reachable: true,
    }
    const state = run(lift, { type: 'restart', time: T0, reason: 'restart' }, {
      ...lift,
      store: redis,
    } as InspectorInput)

    const texts = state.timeline.map((entry) => entry.text)
    expect(texts).toContain('The session store is now Redis.')
    expect(texts).toContain(
      'The server restarted, and Redis still holds 3 sessions.',
    )
  })

  it('does not call a restart with Redis a login, when the user stays logged in', () => {
    const redis: SessionStoreInfo = { ...memory, kind: 'redis' }
    const loggedIn = request({ data: { userId: 1 }, store: redis })
    const state = run(
      { ...lift, store: redis } as InspectorInput,
      firstVisit,
      loggedIn,
      { type: 'restart', time: T0, reason: 'restart' },
      { ...lift, store: { ...redis, sessions: 1 } } as InspectorInput,
      loggedIn,
    )

    const texts = state.timeline.map((entry) => entry.text)
    // The one login is the first request's; the restart adds none.
    expect(
      texts.filter((text) => text.startsWith('You logged in')),
    ).toHaveLength(1)
    expect(texts.at(-1)).toBe(
      'The server restarted, and Redis still holds 1 session.',
    )
  })

  it('says the server stopped, and forgets the store until it lifts again', () => {
    const state = run(lift, firstVisit, {
      type: 'stopped',
      time: T0,
      reason: 'stopped',
    })

    expect(state.store).toBeNull()
    expect(state.timeline.at(-1)?.text).toBe('You stopped the server.')
    expect(
      run(
        lift,
        firstVisit,
        { type: 'stopped', time: T0, reason: 'stopped' },
        lift,
      ).timeline.at(-1)?.text,
    ).toBe('The app lifted again; the in-memory store starts empty.')
  })

  it('says a Run with edits restarts the server with them', () => {
    const state = run(lift, { type: 'restart', time: T0, reason: 'edits' })

    expect(state.timeline.at(-1)?.text).toBe(
      'You ran your edits: the server restarts with them.',
    )
  })

  it('reports a refused login without a userId', () => {
    const state = run(
      lift,
      firstVisit,
      request({ method: 'POST', path: '/login', status: 401 }),
    )

    expect(state.record?.data.userId).toBeUndefined()
    expect(state.timeline.at(-1)?.kind).toBe('error')
  })

  it('adds nothing to the timeline for a request that changed nothing', () => {
    const before = run(lift, firstVisit)
    const after = reduceInspector(before, request())

    expect(after.timeline).toHaveLength(before.timeline.length)
  })
})
