import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import {
  parseSessionEventLine,
  type SessionEvent,
} from '../../playground/inspector/session-event'
import { freePort } from '../../playground/local/server/free-port'
import { stopChild } from './stop-child'

/** The example app's folder. */
export const SESSION_AUTH_DIR = fileURLToPath(
  new URL('../../examples/session-auth/', import.meta.url),
)

/** The example app lifted as `node app.js`, owned by the test that started it. */
export interface SessionAuthApp {
  port: number
  url: string
  /** Every line the app wrote to stdout so far. */
  lines: string[]
  /** Every session event the app reported so far, in order. */
  events: SessionEvent[]
  /** Everything the app wrote to stderr so far. */
  stderr(): string
  /** Resolves with the first event, already seen or still to come, that matches. */
  waitForEvent(
    match: (event: SessionEvent) => boolean,
    timeoutMs?: number,
  ): Promise<SessionEvent>
  /** Kills the app; resolves once the process has exited. */
  stop(): Promise<void>
}

/**
 * Lifts the example app on a free loopback port and resolves once it prints
 * the line with its URL. `env` is added to the app's environment.
 */
export async function startSessionAuthApp(
  env: Record<string, string> = {},
): Promise<SessionAuthApp> {
  const port = await freePort()
  const { child, lines, events, stderr } = spawnApp({
    PORT: String(port),
    HOST: '127.0.0.1',
    ...env,
  })
  const app: SessionAuthApp = {
    port,
    url: `http://127.0.0.1:${port}`,
    lines,
    events,
    stderr,
    waitForEvent: (match, timeoutMs = 5000) =>
      waitFor(() => events.find(match), timeoutMs, 'a session event'),
    stop: () => stopChild(child),
  }

  try {
    await waitFor(
      () => {
        if (child.exitCode !== null) {
          throw new Error(`The app exited before it lifted:\n${stderr()}`)
        }
        return lines.find((line) => line.includes(app.url))
      },
      20_000,
      `the line with ${app.url}`,
    )
  } catch (error) {
    await app.stop()
    throw error
  }
  return app
}

/**
 * Runs `node app.js` until it exits by itself (a lift that fails), and
 * reports how it ended.
 */
export async function runSessionAuthAppToExit(
  env: Record<string, string>,
  timeoutMs = 10_000,
): Promise<{
  code: number | null
  stdout: string
  stderr: string
  ms: number
}> {
  const started = Date.now()
  const { child, lines, stderr } = spawnApp({ HOST: '127.0.0.1', ...env })
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const [code] = (await once(child, 'exit')) as [number | null]
  clearTimeout(timer)
  return {
    code,
    stdout: lines.join('\n'),
    stderr: stderr(),
    ms: Date.now() - started,
  }
}

function spawnApp(env: Record<string, string>) {
  // Sails loads hooks and adapters only from the app's own node_modules;
  // the script links the ones npm hoisted to the workspace root.
  execFileSync(process.execPath, ['scripts/link-workspace-deps.js'], {
    cwd: SESSION_AUTH_DIR,
  })
  const child = spawn(process.execPath, ['--no-addons', 'app.js'], {
    cwd: SESSION_AUTH_DIR,
    env: { ...process.env, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const lines: string[] = []
  const events: SessionEvent[] = []
  let pending = ''
  let errors = ''

  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    pending += chunk
    const complete = pending.split('\n')
    pending = complete.pop() ?? ''
    for (const line of complete) {
      lines.push(line)
      const event = parseSessionEventLine(line)
      if (event) events.push(event)
    }
  })
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    errors += chunk
  })
  return { child, lines, events, stderr: () => errors }
}

async function waitFor<T>(
  find: () => T | undefined,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = find()
    if (found !== undefined) return found
    if (Date.now() > deadline) {
      throw new Error(`Waited ${timeoutMs} ms for ${what}; it never came.`)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
