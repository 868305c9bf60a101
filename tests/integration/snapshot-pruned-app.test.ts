import { spawn, type ChildProcess } from 'node:child_process'
import { lstat, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startRedisStandin } from '../../playground/redis-standin/server'
import { writePrunedExample } from '../../playground/snapshot/pruned-example'
import { traceLoadedFiles } from '../../playground/snapshot/trace-loaded-files'
import { freePort } from '../../playground/local/server/free-port'
import { CookieClient, DEMO } from '../support/http-client'
import { SESSION_AUTH_DIR } from '../support/session-auth-app'
import { stopChild } from '../support/stop-child'

/**
 * The snapshot holds only the files a traced lift loaded. These tests lift
 * that pruned tree from a temporary folder outside the repository, where no
 * parent `node_modules` can make up for a file pruning dropped.
 */
describe('the session-auth example pruned to its traced files', () => {
  let folder: string
  let files: number
  const cleanups: (() => Promise<void>)[] = []

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'pruned-session-auth-'))
    const traced = await traceLoadedFiles({ appDir: SESSION_AUTH_DIR })
    ;({ files } = await writePrunedExample({
      appDir: SESSION_AUTH_DIR,
      outDir: folder,
      traced,
    }))
  }, 90_000)

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  async function lift(env: Record<string, string> = {}) {
    const port = await freePort()
    const child = spawn(process.execPath, ['--no-addons', 'app.js'], {
      cwd: folder,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        PORT: String(port),
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    cleanups.push(() => stopChild(child))
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (text) => (output += text))
    child.stderr.setEncoding('utf8').on('data', (text) => (output += text))

    const url = `http://127.0.0.1:${port}`
    const deadline = Date.now() + 20_000
    while (!output.includes(url)) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`The pruned app did not lift:\n${output}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    return new CookieClient(url)
  }

  async function logInAndOut(client: CookieClient) {
    expect((await client.get('/login')).status).toBe(200)
    const login = await client.postForm('/login', { ...DEMO, rememberMe: 'on' })
    expect(login.status).toBe(302)
    const home = await client.get('/')
    expect(home.status).toBe(200)
    expect(await home.text()).toContain(DEMO.email)
    expect((await client.postForm('/logout', {})).status).toBeLessThan(400)
  }

  it('holds real files only, far fewer than the whole install', async () => {
    expect(files).toBeGreaterThan(500)
    expect(files).toBeLessThan(3000)
    const links = await findSymlinks(folder)
    expect(links).toEqual([])
  })

  it('lifts under --no-addons and logs the demo user in and out', async () => {
    await logInAndOut(await lift())
  })

  it('keeps sessions in Redis when the reader switches the store', async () => {
    const redis = await startRedisStandin()
    cleanups.push(() => redis.close())
    await logInAndOut(
      await lift({
        SESSION_STORE: 'redis',
        REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      }),
    )
  })
})

async function findSymlinks(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if ((await lstat(path)).isSymbolicLink()) found.push(path)
    else if (entry.isDirectory()) found.push(...(await findSymlinks(path)))
  }
  return found
}
