import { afterEach, describe, expect, it } from 'vitest'
import type { SessionRequestEvent } from '../../playground/inspector/session-event'
import { CookieClient, DEMO } from '../support/http-client'
import { freePort } from '../../playground/local/server/free-port'
import { startRedisServer, type RedisServer } from '../support/redis-server'
import { startRedisStandin } from '../support/redis-standin'
import {
  runSessionAuthAppToExit,
  startSessionAuthApp,
  type SessionAuthApp,
} from '../support/session-auth-app'

/**
 * Each Redis this suite holds the app to, and whether its `restart()` honours
 * `keepData` and `whileDown`. The stand-in's helper ignores both for now; its
 * outage case runs once tests/support/redis-standin.ts implements them.
 */
const REDIS_SERVERS: [string, () => Promise<RedisServer>, boolean][] = [
  ['redis-server', () => startRedisServer(), true],
  ['the Redis stand-in', () => startRedisStandin(), false],
]

const THIRTY_DAYS_S = 30 * 24 * 60 * 60
const ONE_DAY_S = 24 * 60 * 60

describe.each(REDIS_SERVERS)(
  'the session-auth example with the Redis store (%s)',
  (_name, startRedis, restartKeepsData) => {
    let redis: RedisServer | undefined
    let apps: SessionAuthApp[] = []

    async function lift(env: Record<string, string> = {}) {
      redis ??= await startRedis()
      const app = await startSessionAuthApp({
        SESSION_STORE: 'redis',
        REDIS_URL: redis.url,
        ...env,
      })
      apps.push(app)
      return app
    }

    async function loggedInTtl(app: SessionAuthApp, rememberMe: boolean) {
      const client = new CookieClient(app.url)
      await client.postForm('/login', {
        ...DEMO,
        ...(rememberMe ? { rememberMe: 'on' } : {}),
      })
      await client.get('/')
      const event = (await app.waitForEvent(
        (e) => e.type === 'request' && e.path === '/' && e.status === 200,
      )) as SessionRequestEvent
      return event.store
    }

    afterEach(async () => {
      await Promise.all(apps.map((app) => app.stop()))
      apps = []
      await redis?.stop()
      redis = undefined
    })

    it('keeps a reader logged in across a restart of the app', async () => {
      const first = await lift()
      const client = new CookieClient(first.url)
      await client.postForm('/login', DEMO)
      expect((await client.get('/')).status).toBe(200)

      await first.stop()
      const second = await lift()
      const sameBrowser = new CookieClient(second.url)
      for (const [name, value] of client.cookies) {
        sameBrowser.cookies.set(name, value)
      }
      expect((await sameBrowser.get('/')).status).toBe(200)
    })

    it('gives the Redis key a TTL of about 30 days with remember-me', async () => {
      const store = await loggedInTtl(await lift(), true)
      expect(store.kind).toBe('redis')
      expect(store.ttl).toBeGreaterThan(THIRTY_DAYS_S - 60)
      expect(store.ttl).toBeLessThanOrEqual(THIRTY_DAYS_S)
    })

    it('gives the Redis key a TTL of about one day without remember-me', async () => {
      const store = await loggedInTtl(await lift(), false)
      expect(store.ttl).toBeGreaterThan(ONE_DAY_S - 60)
      expect(store.ttl).toBeLessThanOrEqual(ONE_DAY_S)
      expect(store.sessions).toBe(1)
    })

    it.runIf(restartKeepsData)(
      'answers 503 within 2 s while Redis is away, and recovers its sessions when it returns',
      async () => {
        const app = await lift()
        const client = new CookieClient(app.url)
        await client.postForm('/login', DEMO)
        expect((await client.get('/')).status).toBe(200)

        await redis!.restart({
          keepData: true,
          whileDown: async () => {
            const started = Date.now()
            const response = await client.get('/')
            expect(Date.now() - started).toBeLessThan(2500)
            expect(response.status).toBe(503)
            expect(await response.text()).toContain(
              'The session store is unreachable',
            )
            await app.waitForEvent(
              (e) => e.type === 'store' && !e.store.reachable,
            )
          },
        })

        await app.waitForEvent(
          (e) => e.type === 'store' && e.store.reachable,
          10_000,
        )
        expect((await client.get('/')).status).toBe(200)
      },
    )
  },
)

describe('the session-auth example when Redis is not running at lift', () => {
  it('fails to lift within 2 s, naming the URL it tried and what to do', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`
    const result = await runSessionAuthAppToExit({
      PORT: String(await freePort()),
      SESSION_STORE: 'redis',
      REDIS_URL: url,
    })

    expect(result.code).not.toBe(0)
    expect(result.code).not.toBeNull()
    expect(result.ms).toBeLessThan(2000 + 1500)
    expect(result.stderr).toContain(
      `Could not reach Redis at ${url} for the session store: start ` +
        'redis-server, or set config/session.js back to the memory store.',
    )
  })
})
