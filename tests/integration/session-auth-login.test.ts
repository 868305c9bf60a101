import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SessionRequestEvent } from '../../playground/inspector/session-event'
import { CookieClient, DEMO } from '../support/http-client'
import {
  startSessionAuthApp,
  type SessionAuthApp,
} from '../support/session-auth-app'

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000

describe('the session-auth example with the memory store', () => {
  let app: SessionAuthApp
  let client: CookieClient

  beforeEach(async () => {
    app = await startSessionAuthApp()
    client = new CookieClient(app.url)
  })

  afterEach(async () => {
    await app.stop()
  })

  it('prints exactly one line with its URL when it lifts', () => {
    const plain = app.lines.filter(
      (line) => !line.startsWith('@@session-event'),
    )
    expect(plain).toEqual([`Session demo listening on ${app.url}`])
  })

  it('shows a login form with labelled fields and the demo account', async () => {
    const response = await client.get('/login')
    const html = await response.text()

    expect(response.status).toBe(200)
    expect(html).toContain(DEMO.email)
    expect(html).toContain(DEMO.password)
    expect(html).toMatch(/<label>\s*Email\s*<input type="email" name="email"/)
    expect(html).toMatch(/<label>\s*Password\s*<input type="password"/)
    expect(html).toMatch(
      /<input type="checkbox" name="rememberMe" \/>\s*Remember me/,
    )
    expect(html).toMatch(/<button type="submit">Log in<\/button>/)
  })

  it('sends logged-out readers from / to /login', async () => {
    const response = await client.get('/')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/login')
  })

  it('logs in for the browser session without remember-me: no Expires, no Max-Age', async () => {
    await client.get('/login')
    const login = await client.postForm('/login', DEMO)
    const setCookie = login.headers.getSetCookie().join('\n')

    expect(login.status).toBe(302)
    expect(login.headers.get('location')).toBe('/')
    expect(setCookie).not.toMatch(/Expires=/i)
    expect(setCookie).not.toMatch(/Max-Age=/i)

    const home = await client.get('/')
    const html = await home.text()
    expect(home.status).toBe(200)
    expect(html).toContain(DEMO.email)
    expect(html).toContain('ends with the browser session')
  })

  it('logs in for 30 days with remember-me: Expires is about 30 days ahead', async () => {
    const login = await client.postForm('/login', { ...DEMO, rememberMe: 'on' })
    const [header = ''] = login.headers.getSetCookie()
    const expires = Date.parse(/Expires=([^;]+)/.exec(header)?.[1] ?? '')

    expect(login.status).toBe(302)
    expect(Math.abs(expires - (Date.now() + THIRTY_DAYS_MS))).toBeLessThan(
      60_000,
    )
    expect(header).not.toMatch(/Max-Age=/i)
    expect((await client.get('/')).status).toBe(200)
  })

  it('reports the login as an event with its session id, userId, expiry and Set-Cookie', async () => {
    await client.get('/login')
    const sid = decodeURIComponent(client.cookies.get('sails.sid') ?? '')
      .replace(/^s:/, '')
      .split('.')[0]
    await client.postForm('/login', { ...DEMO, rememberMe: 'on' })

    const event = (await app.waitForEvent(
      (e) => e.type === 'request' && e.method === 'POST' && e.path === '/login',
    )) as SessionRequestEvent

    expect(event.status).toBe(302)
    expect(event.sessionId).toBe(sid)
    expect(event.data).toEqual({ userId: 1 })
    expect(event.cookie?.originalMaxAge).toBe(THIRTY_DAYS_MS)
    expect(
      Math.abs(
        Date.parse(event.cookie?.expires ?? '') - Date.now() - THIRTY_DAYS_MS,
      ),
    ).toBeLessThan(60_000)
    expect(event.setCookie?.name).toBe('sails.sid')
    // Set-Cookie carries whole seconds; the stored cookie, milliseconds.
    const sent = Date.parse(event.setCookie?.expires ?? '')
    const stored = Date.parse(event.cookie?.expires ?? '')
    expect(Math.abs(sent - stored)).toBeLessThan(1000)
    expect(event.setCookie?.maxAge).toBeNull()
    expect(event.store).toEqual({
      kind: 'memory',
      sessions: 1,
      ttl: null,
      reachable: true,
    })
  })

  it('keeps the session id and cookie on logout, and forgets the user', async () => {
    await client.postForm('/login', DEMO)
    const before = client.cookies.get('sails.sid')
    const logout = await client.request('/logout', { method: 'POST' })

    expect(logout.status).toBe(302)
    expect(logout.headers.get('location')).toBe('/login')
    expect(client.cookies.get('sails.sid')).toBe(before)
    expect((await client.get('/')).status).toBe(302)
  })

  it('answers a wrong password with 401, the form and no userId in the session', async () => {
    const response = await client.postForm('/login', {
      ...DEMO,
      password: 'nope',
    })
    expect(response.status).toBe(401)
    expect(await response.text()).toContain('Wrong email/password')

    const event = (await app.waitForEvent(
      (e) => e.type === 'request' && e.path === '/login' && e.status === 401,
    )) as SessionRequestEvent
    expect(event.data).toEqual({})
    expect((await client.get('/')).status).toBe(302)
  })

  it('answers an unknown email with 401 and the form', async () => {
    const response = await client.postForm('/login', {
      email: 'nobody@example.com',
      password: DEMO.password,
    })
    expect(response.status).toBe(401)
    expect(await response.text()).toContain('Wrong email/password')
  })

  it('answers a missing email with 400 naming the email field', async () => {
    const response = await client.postForm('/login', { password: 'x' })
    const html = await response.text()
    expect(response.status).toBe(400)
    expect(html).toContain('Email is required')
    expect(html).toContain('<form')
  })

  it('answers a malformed email with 400 naming the email field', async () => {
    const response = await client.postForm('/login', {
      email: 'not-an-email',
      password: 'x',
    })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Email must be an email address')
  })

  it('answers a missing password with 400 naming the password field', async () => {
    const response = await client.postForm('/login', { email: DEMO.email })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Password is required')
  })

  it('shows an email containing HTML escaped', async () => {
    const email = '<script>alert(1)</script>@example.com'
    const response = await client.postForm('/login', { email, password: 'x' })
    const html = await response.text()
    expect(response.status).toBe(400)
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;@example.com')
  })

  it('refuses a body over 1 MB with 413 and stays up', async () => {
    const response = await client.postForm('/login', {
      email: DEMO.email,
      password: 'x'.repeat(1024 * 1024 + 10),
    })
    expect(response.status).toBe(413)
    expect((await client.get('/login')).status).toBe(200)
  })

  it('forgets every session when it restarts', async () => {
    await client.postForm('/login', DEMO)
    expect((await client.get('/')).status).toBe(200)

    await app.stop()
    app = await startSessionAuthApp()
    const sameBrowser = new CookieClient(app.url)
    for (const [name, value] of client.cookies) {
      sameBrowser.cookies.set(name, value)
    }

    const response = await sameBrowser.get('/')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/login')
  })
})
