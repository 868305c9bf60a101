import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { connect } from 'node:net'
import { freePort } from './free-port'

/** A real `redis-server` from Debian, owned by the test that started it. */
export interface RedisServer {
  port: number
  url: string
  /** Stops the server; resolves once the process has exited. */
  stop(): Promise<void>
  /** Starts the server again on the same port, with an empty data set. */
  restart(): Promise<void>
}

/**
 * Starts `redis-server` on a free loopback port, with persistence off so it
 * leaves nothing on disk. Resolves once it answers PING.
 */
export async function startRedisServer(
  options: { port?: number } = {},
): Promise<RedisServer> {
  const port = options.port ?? (await freePort())
  let child: ChildProcess | undefined

  async function start() {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--protected-mode',
        'yes',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    child.on('error', () => {})
    await waitForPing(port, child)
  }

  async function stop() {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null) return
    running.kill('SIGTERM')
    await once(running, 'exit')
  }

  await start()
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    async restart() {
      await stop()
      await start()
    },
  }
}

async function waitForPing(port: number, child: ChildProcess) {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `redis-server exited with code ${child.exitCode} before it answered ` +
          `on port ${port}. Is redis-server installed (apt-get install ` +
          'redis-server)?',
      )
    }
    if (await ping(port)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  child.kill('SIGKILL')
  throw new Error(`redis-server did not answer PING on port ${port} in 10 s.`)
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.setTimeout(500)
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => {
      socket.destroy()
      resolve(data.toString().startsWith('+PONG'))
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })
}
