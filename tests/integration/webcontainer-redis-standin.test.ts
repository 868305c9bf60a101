import { connect } from 'node:net'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { Container } from '../../playground/container/types'
import { buildRedisStandin } from '../../playground/redis-standin/build'
import {
  bootWebContainer,
  shutdownWebContainer,
} from '../../playground/webcontainer/adapter'
import { redisStandinService } from '../../playground/webcontainer/redis-standin-service'
import { createFakeWebContainerApi } from '../fixtures/fake-webcontainer'
import { freePort } from '../../playground/local/server/free-port'

const api = createFakeWebContainerApi()
const REDIS_CONFIG = `module.exports.session = {
  adapter: '@sailshq/connect-redis',
  url: 'redis://localhost:6379'
}
`

function ping(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString())
    })
    socket.once('error', reject)
  })
}

describe('the Redis stand-in in a WebContainer', () => {
  let container: Container | undefined
  const lifetime = new AbortController()

  afterEach(async () => {
    await container?.teardown()
    container = undefined
  })
  afterAll(async () => {
    lifetime.abort()
    await shutdownWebContainer(true)
    await api.whenTornDown()
  })

  it('starts before the lift when the session config asks for Redis', async () => {
    container = await bootWebContainer({ api, timeoutMs: 5000 })
    await container.mount({
      config: {
        directory: { 'session.js': { file: { contents: REDIS_CONFIG } } },
      },
    })
    const port = await freePort()
    const beforeLift = redisStandinService(buildRedisStandin, port)

    await beforeLift(container, lifetime.signal)
    await beforeLift(container, lifetime.signal)

    expect(await ping(port)).toBe('+PONG\r\n')
  })

  it('starts nothing for the memory store', async () => {
    container = await bootWebContainer({ api, timeoutMs: 5000 })
    await container.mount({
      config: {
        directory: {
          'session.js': { file: { contents: 'module.exports.session = {}' } },
        },
      },
    })
    const port = await freePort()

    await redisStandinService(buildRedisStandin, port)(
      container,
      lifetime.signal,
    )

    await expect(ping(port)).rejects.toThrow(/ECONNREFUSED/)
  })
})
