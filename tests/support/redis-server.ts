import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '../../playground/local/server/free-port'

/** How a restart treats the data and the time Redis is away. */
export interface RestartOptions {
  /**
   * Keep the data across the restart: the server saves it to disk as it
   * shuts down (`SHUTDOWN SAVE`) and loads it as it starts again, as a real
   * Redis with persistence does. Default false: it starts empty.
   */
  keepData?: boolean
  /** Runs while the server is down, before it starts again. */
  whileDown?: () => Promise<void>
}

/** A real `redis-server` from Debian, owned by the test that started it. */
export interface RedisServer {
  port: number
  url: string
  /** Stops the server; resolves once the process has exited. */
  stop(): Promise<void>
  /**
   * Starts the server again on the same port, with an empty data set unless
   * `keepData` says otherwise.
   */
  restart(options?: RestartOptions): Promise<void>
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
  // Holds a dump only between a `SHUTDOWN SAVE` and the next start.
  let dir: string | undefined

  async function start() {
    dir ??= await mkdtemp(join(tmpdir(), 'redis-test-'))
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--dir',
        dir,
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

  async function stop(keepData = false) {
    const running = child
    child = undefined
    if (running && running.exitCode === null) {
      const exited = once(running, 'exit')
      if (keepData) await command(port, 'SHUTDOWN SAVE')
      else running.kill('SIGTERM')
      await exited
    }
    if (!keepData && dir !== undefined) {
      await rm(dir, { recursive: true, force: true })
      dir = undefined
    }
  }

  await start()
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: () => stop(),
    async restart(options = {}) {
      await stop(options.keepData)
      await options.whileDown?.()
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

/** Sends one inline command and waits for the connection to close. */
function command(port: number, line: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => socket.write(`${line}\r\n`))
    socket.once('close', () => resolve())
    socket.once('error', () => {})
  })
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
