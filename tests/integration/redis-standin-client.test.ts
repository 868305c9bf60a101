import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { startRedisStandin } from '../../playground/redis-standin/server'
import { redisStandinBundle } from '../support/redis-standin'

const require = createRequire(import.meta.url)

/** Every node_modules folder Node would search from `folder` upwards. */
function nodeModulesFolders(folder: string): string[] {
  const found: string[] = []
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) found.push(dir)
    if (dirname(dir) === dir) return found
  }
}

/** The parts of the redis@3 client this test calls. */
interface RedisClient {
  on(event: 'ready' | 'error' | 'end', listener: (error?: Error) => void): void
  send_command(
    name: string,
    args: unknown[],
    cb: (e: Error | null, r: unknown) => void,
  ): void
  quit(cb: () => void): void
  server_info: Record<string, unknown>
}

const redis = require('redis') as {
  createClient(url: string): RedisClient
}

describe('the Redis stand-in serves the clients the example app uses', () => {
  const cleanup: Array<() => Promise<unknown>> = []
  afterEach(async () => {
    while (cleanup.length) await cleanup.pop()!()
  })

  it('is the redis@3 client that @sailshq/connect-redis drives', () => {
    expect(require('redis/package.json').version).toMatch(/^3\./)
  })

  it('lets redis@3 connect through localhost, SET with EX, GET, TTL and SCAN', async () => {
    const standin = await startRedisStandin()
    cleanup.push(() => standin.close())
    const client = redis.createClient(`redis://localhost:${standin.port}`)
    cleanup.push(() => new Promise<void>((resolve) => client.quit(resolve)))
    await new Promise<void>((resolve, reject) => {
      client.on('ready', () => resolve())
      client.on('error', reject)
    })
    const send = promisify(client.send_command.bind(client)) as (
      name: string,
      args: unknown[],
    ) => Promise<unknown>

    expect(client.server_info.redis_version).toBe('7.0.15')
    expect(await send('set', ['sess:a', '{"n":1}', 'EX', 86400])).toBe('OK')
    expect(await send('get', ['sess:a'])).toBe('{"n":1}')
    expect(await send('ttl', ['sess:a'])).toBe(86400)
    expect(await send('ttl', ['sess:none'])).toBe(-2)
    expect(await send('scan', [0, 'match', 'sess:*', 'count', 100])).toEqual([
      '0',
      ['sess:a'],
    ])
  })

  it('backs a @sailshq/connect-redis session store', async () => {
    const standin = await startRedisStandin()
    cleanup.push(() => standin.close())
    const client = redis.createClient(`redis://127.0.0.1:${standin.port}`)
    cleanup.push(() => new Promise<void>((resolve) => client.quit(resolve)))
    const session = require('express-session')
    const RedisStore = require('@sailshq/connect-redis')(session)
    const store = new RedisStore({ client })
    const call = (method: string, ...args: unknown[]) =>
      promisify(store[method].bind(store))(...args)

    const cookie = { expires: new Date(Date.now() + 30 * 86400_000) }
    await call('set', 'one', { cookie, userId: 1 })
    await call('set', 'two', { cookie: {}, userId: 2 })

    expect(await call('get', 'one')).toMatchObject({ userId: 1 })
    expect(await call('length')).toBe(2)
    expect((await call('ids')).sort()).toEqual(['one', 'two'])
    expect(await call('touch', 'two', { cookie: {} })).toBe('OK')
    await call('destroy', 'one')
    expect(await call('get', 'one')).toBeUndefined()
    expect(await call('all')).toMatchObject([{ id: 'two', userId: 2 }])
  })

  it('runs as one bundled file with no node_modules, says where it listens and stops on SIGTERM', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'redis-standin-cli-'))
    cleanup.push(() => rm(folder, { recursive: true, force: true }))
    const file = join(folder, 'redis-standin.cjs')
    await writeFile(file, await redisStandinBundle())
    // The container mounts the file alone, so redis-parser must be inside it.
    expect(nodeModulesFolders(folder)).toEqual([])

    const { NODE_PATH: _, ...env } = process.env
    const child = spawn(process.execPath, [file, '--port', '0'], {
      cwd: folder,
      env,
    })
    const [line] = await once(child.stdout, 'data')
    expect(String(line)).toMatch(
      /^Redis stand-in \(browser only\) listening on 127\.0\.0\.1:\d+\n$/,
    )
    child.kill('SIGTERM')
    expect(await once(child, 'exit')).toEqual([0, null])
  })

  it('refuses a port it cannot use, saying how to fix it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'redis-standin-cli-'))
    cleanup.push(() => rm(folder, { recursive: true, force: true }))
    const file = join(folder, 'redis-standin.cjs')
    await writeFile(file, await redisStandinBundle())

    const child = spawn(process.execPath, [file, '--port', 'seventy'])
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    expect(await once(child, 'exit')).toEqual([1, null])
    expect(stderr).toContain('got "seventy". Pass --port 6379 or set PORT.')
  })
})
