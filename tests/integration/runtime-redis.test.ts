import { connect } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Sandbox } from '../../playground/local/server/sandbox'
import { SandboxRedis } from '../../playground/local/server/sandbox-redis'

const REDIS_CONFIG = `module.exports.session = {
  adapter: '@sailshq/connect-redis',
  url: 'redis://localhost:6379'
}
`
const MEMORY_CONFIG = `module.exports.session = {
  // adapter: '@sailshq/connect-redis',
  secret: 'x'
}
`
const PRINT_REDIS_URL = `console.log('REDIS_URL=' + (process.env.REDIS_URL ?? 'none'))`

function ping(url: string): Promise<string> {
  const { port, hostname } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString())
    })
    socket.once('error', reject)
  })
}

async function redisUrlSeenBy(sandbox: Sandbox): Promise<string> {
  let output = ''
  sandbox.events.on('output', (_id, data) => (output += data))
  const child = await sandbox.spawn(1, 'node', ['-e', PRINT_REDIS_URL])
  await child.exited
  return /REDIS_URL=(\S+)/.exec(output)?.[1] ?? ''
}

describe('the Redis a sandbox gives its app', () => {
  let sandbox: Sandbox | undefined
  afterEach(async () => {
    await sandbox?.dispose()
    sandbox = undefined
  })

  it('is a real redis-server when the session config asks for Redis', async () => {
    sandbox = await Sandbox.create({ redis: 'redis-server' })
    await sandbox.mount({
      config: {
        directory: { 'session.js': { file: { contents: REDIS_CONFIG } } },
      },
    })

    const url = await redisUrlSeenBy(sandbox)

    expect(url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/)
    expect(await ping(url)).toBe('+PONG\r\n')
  })

  it('is the stand-in when the runtime is told so', async () => {
    sandbox = await Sandbox.create({ redis: 'stand-in' })
    await sandbox.mount({
      config: {
        directory: { 'session.js': { file: { contents: REDIS_CONFIG } } },
      },
    })

    const url = await redisUrlSeenBy(sandbox)

    expect(await ping(url)).toBe('+PONG\r\n')
  })

  it('is not started for the memory store, even with Redis commented out', async () => {
    sandbox = await Sandbox.create({ redis: 'redis-server' })
    await sandbox.mount({
      config: {
        directory: { 'session.js': { file: { contents: MEMORY_CONFIG } } },
      },
    })

    expect(await redisUrlSeenBy(sandbox)).toBe('none')
  })

  it('is gone once the sandbox is disposed', async () => {
    sandbox = await Sandbox.create({ redis: 'redis-server' })
    await sandbox.mount({
      config: {
        directory: { 'session.js': { file: { contents: REDIS_CONFIG } } },
      },
    })
    const url = await redisUrlSeenBy(sandbox)

    await sandbox.dispose()
    sandbox = undefined

    await expect(ping(url)).rejects.toThrow(/ECONNREFUSED/)
  })

  it('says how to install Redis when redis-server is missing', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'sandbox-redis-'))
    const redis = new SandboxRedis(
      folder,
      'redis-server',
      '/nowhere/redis-server',
    )
    try {
      await expect(redis.url()).rejects.toThrow(
        /Redis is not installed on this machine.*apt-get install redis-server/,
      )
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })
})
