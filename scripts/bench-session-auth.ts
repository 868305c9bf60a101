/**
 * Measures the session-auth example: its install size, how long it takes to
 * lift under Node, and how many logged-in `GET /` it answers per second with
 * each session store. Loopback only; every process it starts, it stops.
 *
 *   npx tsx scripts/bench-session-auth.ts
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { Agent, request } from 'node:http'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { CookieClient, DEMO } from '../tests/support/http-client'
import { startRedisServer } from '../tests/support/redis-server'
import {
  SESSION_AUTH_DIR,
  startSessionAuthApp,
} from '../tests/support/session-auth-app'

const LIFTS = 5
const RATE_SECONDS = 3
const CONCURRENCY = 8

/**
 * Walks the app's production dependency tree the way Node resolves it, from
 * the app's folder, and adds up each package folder once (its files, not its
 * nested node_modules, which count as packages of their own).
 */
async function installSize() {
  const seen = new Map<string, number>()

  async function visit(name: string, from: string) {
    let manifest: string
    try {
      manifest = createRequire(join(from, 'noop.js')).resolve(
        `${name}/package.json`,
      )
    } catch {
      return // an optional dependency that is not installed
    }
    const dir = dirname(manifest)
    if (seen.has(dir)) return
    seen.set(dir, await folderBytes(dir))

    const pkg = JSON.parse(await readFile(manifest, 'utf8'))
    for (const dep of Object.keys({
      ...pkg.dependencies,
      ...pkg.optionalDependencies,
    })) {
      await visit(dep, dir)
    }
  }

  const app = JSON.parse(
    await readFile(join(SESSION_AUTH_DIR, 'package.json'), 'utf8'),
  )
  for (const dep of Object.keys(app.dependencies)) {
    await visit(dep, SESSION_AUTH_DIR)
  }
  const bytes = [...seen.values()].reduce((sum, size) => sum + size, 0)
  return { packages: seen.size, bytes }
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) total += await folderBytes(path)
    else if (entry.isFile()) total += (await stat(path)).size
  }
  return total
}

async function medianLiftMs() {
  const times: number[] = []
  for (let i = 0; i < LIFTS; i++) {
    const started = performance.now()
    const app = await startSessionAuthApp()
    times.push(performance.now() - started)
    await app.stop()
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

/** Logged-in `GET /` answered per second, over {@link RATE_SECONDS} s. */
async function requestRate(env: Record<string, string>) {
  const app = await startSessionAuthApp(env)
  try {
    const client = new CookieClient(app.url)
    await client.postForm('/login', DEMO)
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })
    const deadline = performance.now() + RATE_SECONDS * 1000
    let ok = 0
    let failed = 0

    async function worker() {
      while (performance.now() < deadline) {
        const status = await get(app.port, client.cookieHeader, agent)
        if (status === 200) ok++
        else failed++
      }
    }
    const started = performance.now()
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    const seconds = (performance.now() - started) / 1000
    agent.destroy()
    return { perSecond: ok / seconds, failed }
  } finally {
    await app.stop()
  }
}

function get(port: number, cookie: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/', headers: { cookie }, agent },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.end()
  })
}

const size = await installSize()
console.log(
  `install: ${size.packages} packages, ${(size.bytes / 1e6).toFixed(1)} MB ` +
    '(production dependency tree resolved from the app folder)',
)
console.log(
  `lift: median ${(await medianLiftMs()).toFixed(0)} ms over ${LIFTS} lifts ` +
    '(spawn to URL line, node --no-addons)',
)

const memory = await requestRate({})
console.log(
  `GET / logged in, memory store: ${memory.perSecond.toFixed(0)} req/s ` +
    `(${CONCURRENCY} concurrent, ${RATE_SECONDS} s, ${memory.failed} not 200)`,
)

const redis = await startRedisServer()
try {
  const rate = await requestRate({
    SESSION_STORE: 'redis',
    REDIS_URL: redis.url,
  })
  console.log(
    `GET / logged in, redis-server store: ${rate.perSecond.toFixed(0)} req/s ` +
      `(${CONCURRENCY} concurrent, ${RATE_SECONDS} s, ${rate.failed} not 200)`,
  )
} finally {
  await redis.stop()
}
