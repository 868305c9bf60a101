import { execFileSync, spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, realpathSync, statSync } from 'node:fs'
import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { startRedisStandin } from '../redis-standin/server'
import { TRACER_SCRIPT } from './tracer-script'
import { freePort } from '../local/server/free-port'

/** One file the app loaded: where the app sees it, and where it really is. */
export interface TracedFile {
  /** Relative to the app folder, with `/`: `node_modules/sails/lib/app.js`. */
  appPath: string
  /** The absolute real path the file was loaded from. */
  realPath: string
}

/** What to trace, and how long to wait for each lift. */
export interface TraceOptions {
  /** The example app's folder, e.g. `examples/session-auth`. */
  appDir: string
  /** Also lift once with the Redis session store. Default true. */
  redis?: boolean
  /** How long one lift may take before the trace gives up. Default 30 s. */
  liftTimeoutMs?: number
}

/**
 * Lifts the example app under a tracer, drives a login over HTTP, stops it,
 * and returns every file Node loaded or read, sorted by where the app sees
 * it (`app.js`, `node_modules/sails/lib/...`). With `redis` (the default)
 * it lifts a second time with the session store in Redis, against the same
 * Redis stand-in the browser container runs, so that switching to Redis in
 * the page finds every file it needs.
 */
export async function traceLoadedFiles(
  options: TraceOptions,
): Promise<TracedFile[]> {
  const appDir = await realpath(options.appDir)
  const timeoutMs = options.liftTimeoutMs ?? 30_000

  // Sails finds hooks and adapters only in the app's own node_modules.
  const linker = join(appDir, 'scripts', 'link-workspace-deps.js')
  if (existsSync(linker)) execFileSync(process.execPath, [linker])

  const work = await mkdtemp(join(tmpdir(), 'boring-trace-'))
  try {
    const tracer = join(work, 'tracer.cjs')
    await writeFile(tracer, TRACER_SCRIPT)
    const lift = { appDir, tracer, work, timeoutMs }
    const loaded = await traceOneLift(lift, {})

    if (options.redis ?? true) {
      const redis = await startRedisStandin()
      try {
        const redisLoaded = await traceOneLift(lift, {
          SESSION_STORE: 'redis',
          REDIS_URL: `redis://127.0.0.1:${redis.port}`,
        })
        for (const file of redisLoaded) loaded.add(file)
      } finally {
        await redis.close()
      }
    }

    return mapToAppPaths(appDir, loaded)
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

interface TracedLift {
  appDir: string
  /** The tracer's file, for `node --require`. */
  tracer: string
  /** A scratch folder for the tracer's output. */
  work: string
  timeoutMs: number
}

async function traceOneLift(
  { appDir, tracer, work, timeoutMs }: TracedLift,
  env: Record<string, string>,
): Promise<Set<string>> {
  const port = await freePort()
  const out = join(work, `trace-${port}.json`)
  const child = spawn(process.execPath, ['--require', tracer, 'app.js'], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      BORING_TRACE_OUT: out,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (text) => (output += text))
  child.stderr.setEncoding('utf8').on('data', (text) => (output += text))
  const exited = once(child, 'exit')

  try {
    const url = `http://127.0.0.1:${port}`
    await waitForLine(
      () => output,
      url,
      () => child.exitCode,
      timeoutMs,
    )
    await driveLogin(url)
  } catch (error) {
    child.kill('SIGKILL')
    await exited
    throw new Error(
      `Tracing the app in ${appDir} failed: ${(error as Error).message}\n` +
        `The app printed:\n${output}`,
    )
  }

  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
  if (!existsSync(out)) {
    throw new Error(
      `The tracer wrote no list of loaded files for the app in ${appDir}; ` +
        `the app printed:\n${output}`,
    )
  }
  return new Set(JSON.parse(await readFile(out, 'utf8')) as string[])
}

/**
 * Everything a reader does on the Session page: a logged-out visit, a wrong
 * password, a login with remember-me, the home page, a logout and a page
 * that does not exist. Any answer of 500 or more fails the trace.
 */
async function driveLogin(url: string) {
  let cookie = ''
  async function send(path: string, form?: Record<string, string>) {
    const response = await fetch(url + path, {
      method: form ? 'POST' : 'GET',
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(form
          ? { 'content-type': 'application/x-www-form-urlencoded' }
          : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
      redirect: 'manual',
      signal: AbortSignal.timeout(10_000),
    })
    const [pair] = response.headers.getSetCookie()
    if (pair) cookie = pair.split(';')[0] ?? ''
    await response.arrayBuffer()
    if (response.status >= 500) {
      throw new Error(`${path} answered ${response.status}.`)
    }
    return response.status
  }

  const demo = { email: 'demo@example.com', password: 'boring-stack' }
  await send('/')
  await send('/login')
  await send('/login', { ...demo, password: 'not-the-password' })
  await send('/login', { ...demo, rememberMe: 'on' })
  const home = await send('/')
  if (home !== 200) throw new Error(`/ after login answered ${home}, not 200.`)
  await send('/logout', {})
  await send('/no-such-page')
}

/**
 * Maps real paths back to where the app finds them: files in the app folder
 * stay where they are, and a file under any `node_modules` that Node's
 * lookup from the app folder reaches (the app's own, or a parent's, where
 * npm hoists workspace dependencies) moves under the app's `node_modules`.
 * That keeps npm's layout, nested folders included, so resolution from the
 * app finds the same files.
 */
function mapToAppPaths(appDir: string, files: Set<string>): TracedFile[] {
  const lookupRoots: string[] = []
  for (let dir = appDir; ; dir = dirname(dir)) {
    lookupRoots.push(join(dir, 'node_modules') + sep)
    if (dirname(dir) === dir) break
  }

  const mapped = new Map<string, string>()
  for (const seen of files) {
    // Modules arrive as real paths, fs calls as the app spelled them.
    if (!isFile(seen)) continue
    const file = realpathSync(seen)
    let appPath: string | undefined
    const root = lookupRoots.find((candidate) => file.startsWith(candidate))
    if (root) appPath = join('node_modules', file.slice(root.length))
    else if (file.startsWith(appDir + sep)) appPath = relative(appDir, file)
    // Anything else (the tracer itself, /etc files) is not part of the app.
    if (appPath === undefined) continue

    const posix = appPath.split(sep).join('/')
    const other = mapped.get(posix)
    if (other !== undefined && other !== file) {
      throw new Error(
        `Two loaded files map to ${posix} in the app: ${other} and ${file}. ` +
          'Remove the duplicate install so the app sees one of them.',
      )
    }
    mapped.set(posix, file)
  }
  return [...mapped]
    .map(([appPath, realPath]) => ({ appPath, realPath }))
    .sort((a, b) => (a.appPath < b.appPath ? -1 : 1))
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false
}

async function waitForLine(
  output: () => string,
  text: string,
  exitCode: () => number | null,
  timeoutMs: number,
) {
  const deadline = Date.now() + timeoutMs
  while (!output().includes(text)) {
    if (exitCode() !== null) {
      throw new Error(
        `the app exited with code ${exitCode()} before it lifted.`,
      )
    }
    if (Date.now() > deadline) {
      throw new Error(`the app did not lift within ${timeoutMs} ms.`)
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
