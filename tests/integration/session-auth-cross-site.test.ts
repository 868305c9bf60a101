import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CookieClient, DEMO } from '../support/http-client'
import {
  startSessionAuthApp,
  type SessionAuthApp,
} from '../support/session-auth-app'

describe('the session-auth example in cross-site mode (a WebContainer preview)', () => {
  let app: SessionAuthApp

  beforeEach(async () => {
    app = await startSessionAuthApp({ SESSION_COOKIE_CROSS_SITE: '1' })
  })

  afterEach(async () => {
    await app.stop()
  })

  it('sends a SameSite=None; Secure; Partitioned cookie over plain HTTP', async () => {
    const client = new CookieClient(app.url)
    const response = await client.get('/login')
    const [header = ''] = response.headers.getSetCookie()

    expect(header).toMatch(/^sails\.sid=/)
    expect(header).toMatch(/; SameSite=None/i)
    expect(header).toMatch(/; Secure/i)
    expect(header).toMatch(/; Partitioned/i)
    expect(header).toMatch(/; HttpOnly/i)
  })

  it('logs in and keeps the reader logged in with that cookie', async () => {
    const client = new CookieClient(app.url)
    const login = await client.postForm('/login', { ...DEMO, rememberMe: 'on' })
    const [header = ''] = login.headers.getSetCookie()

    expect(login.status).toBe(302)
    expect(header).toMatch(/; Expires=/)
    expect(header).toMatch(/; Secure/i)
    expect((await client.get('/')).status).toBe(200)
  })
})
