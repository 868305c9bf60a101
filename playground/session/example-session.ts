import type { LocalRuntimeOffer } from '../container/choose-runtime'
import { Emitter } from '../container/emitter'
import type {
  Container,
  ContainerProcess,
  FileTree,
  RuntimeKind,
} from '../container/types'
import { connectRuntime } from './connect-runtime'
import { createOutputSplitter } from './output-splitter'
import {
  pendingSteps,
  type BootStep,
  type BootStepName,
  type ExampleSessionEventMap,
  type ExampleSessionState,
} from './state'

/** Options of {@link createExampleSession}. */
export interface ExampleSessionOptions {
  /**
   * What to mount at each start, in order: file trees, or a snapshot with
   * node_modules inside (what a WebContainer mounts instead of installing).
   */
  files: () => Promise<MountLayer[]>
  /**
   * Runs before every lift, for what the app needs beside itself (the
   * browser's Redis stand-in, for one). A throw fails the lift.
   */
  beforeLift?: (container: Container, signal: AbortSignal) => Promise<void>
  /** The runtime chosen by `chooseRuntime`. */
  runtime: RuntimeKind
  /** The local runtime's token from `chooseRuntime`, if it probed one. */
  offer?: LocalRuntimeOffer | null
  /** Connects the container; tests pass their own. @default {@link connectRuntime} */
  connect?: (signal: AbortSignal) => Promise<Container>
  /** @default 'node' */
  command?: string
  /** @default ['app.js'] */
  args?: string[]
  /** Extra environment of the app. */
  env?: Record<string, string>
  /** How long the app may take to listen. @default 60_000 */
  liftTimeoutMs?: number
}

/** One thing {@link ExampleSessionOptions.files} mounts. */
export type MountLayer = FileTree | ArrayBuffer

/** One example running in a page; see {@link createExampleSession}. */
export interface ExampleSession {
  getState(): ExampleSessionState
  /** Calls `listener` now and on every state change; returns an unsubscribe. */
  subscribe(listener: (state: ExampleSessionState) => void): () => void
  on<K extends keyof ExampleSessionEventMap>(
    event: K,
    listener: ExampleSessionEventMap[K],
  ): () => void
  /** Boots, mounts, installs and lifts; resolves once the app listens or failed. */
  start(): Promise<void>
  /** Stops the app, waits for its exit and lifts it again. */
  restart(): Promise<void>
  /** Writes edited files into the container (the app is not restarted). */
  writeFiles(changes: Record<string, string | Uint8Array>): Promise<void>
  /** Stops the app; the container stays for a later start. */
  stop(): Promise<void>
  /** Stops everything, tears the container down and removes every listener. */
  dispose(): Promise<void>
}

/**
 * The one owner of a running example: it connects the container, mounts the
 * files, installs, lifts the app and exposes read-only state and events.
 * Components read it and send intents; nothing here knows about Vue.
 */
export function createExampleSession(
  options: ExampleSessionOptions,
): ExampleSession {
  const events = new Emitter<ExampleSessionEventMap>()
  const lifetime = new AbortController()
  const connect =
    options.connect ??
    ((signal) => connectRuntime(options.runtime, signal, options.offer))
  const liftTimeoutMs = options.liftTimeoutMs ?? 60_000

  let state: ExampleSessionState = {
    status: 'idle',
    runtime: options.runtime,
    steps: pendingSteps(),
    previewUrl: null,
    error: null,
  }
  let container: Container | null = null
  let unsubscribeContainer: Array<() => void> = []
  let app: ContainerProcess | null = null
  let appExit: Promise<number> | null = null
  let appPort: number | null = null
  let stopping = false
  let readyWaiter: ((url: string) => void) | null = null
  let queue: Promise<unknown> = Promise.resolve()

  const set = (patch: Partial<ExampleSessionState>) => {
    state = { ...state, ...patch }
    events.emit('state', state)
  }
  const setStep = (name: BootStepName, patch: Partial<BootStep>) =>
    set({
      steps: state.steps.map((s) => (s.name === name ? { ...s, ...patch } : s)),
    })
  const enqueue = <T>(operation: () => Promise<T>): Promise<T> => {
    const run = queue.then(operation, operation)
    queue = run.catch(() => {})
    return run
  }

  async function step(
    name: BootStepName,
    work: () => Promise<string | null | void>,
  ): Promise<void> {
    const startedAt = Date.now()
    setStep(name, { status: 'running', startedAt, elapsedMs: null, note: null })
    try {
      const note = (await work()) ?? null
      setStep(name, { status: 'done', elapsedMs: Date.now() - startedAt, note })
    } catch (error) {
      setStep(name, { status: 'failed', elapsedMs: Date.now() - startedAt })
      throw error
    }
  }

  async function ensureContainer(): Promise<Container> {
    if (container) return container
    const connected = await connect(lifetime.signal)
    container = connected
    unsubscribeContainer = [
      connected.on('server-ready', (port, url) => {
        if (appPort !== null && port !== appPort) return
        appPort = port
        set({ previewUrl: url })
        readyWaiter?.(url)
      }),
      connected.on('port', (port, type) => {
        if (type === 'close' && port === appPort) set({ previewUrl: null })
      }),
      connected.on('error', ({ message }) =>
        events.emit('output', `\r\n${message}\r\n`),
      ),
    ]
    return connected
  }

  /** Pipes a process' output to the terminal and the session events. */
  function follow(process: ContainerProcess): void {
    const splitter = createOutputSplitter({
      onText: (text) => events.emit('output', text),
      onEvent: (event) => events.emit('session-event', event),
    })
    void process.output
      .pipeTo(
        new WritableStream({
          write: (chunk) => splitter.push(chunk),
          close: () => splitter.flush(),
        }),
        { signal: lifetime.signal },
      )
      .catch(() => {})
  }

  async function install(target: Container): Promise<string | null> {
    if (options.runtime === 'local') {
      return 'Nothing to install: the local runtime shares the docs’ own node_modules.'
    }
    const installed = await target.fs.readdir('node_modules').then(
      (entries) => entries.length > 0,
      () => false,
    )
    if (installed) {
      return 'Nothing to install: node_modules came with the prebuilt snapshot.'
    }
    const npm = await target.spawn('npm', ['install'])
    follow(npm)
    const code = await npm.exit
    if (code !== 0) {
      throw new Error(
        `npm install exited with code ${code}; its output is in the terminal.`,
      )
    }
    return null
  }

  async function lift(target: Container): Promise<void> {
    const env: Record<string, string> = { ...options.env }
    if (options.runtime === 'webcontainer') env.SESSION_COOKIE_CROSS_SITE = '1'
    // The same port after a restart keeps the preview URL, and the cookie.
    if (appPort !== null) env.PORT = String(appPort)

    await options.beforeLift?.(target, lifetime.signal)
    const ready = new Promise<string>((resolve) => (readyWaiter = resolve))
    const process = await target.spawn(
      options.command ?? 'node',
      options.args ?? ['app.js'],
      { env },
    )
    app = process
    appExit = process.exit
    follow(process)
    void process.exit.then((code) => {
      if (app !== process) return
      app = null
      events.emit('exit', code)
      if (!stopping && state.status === 'running') {
        set({
          status: 'failed',
          previewUrl: null,
          error: `The app stopped with exit code ${code}; its output is in the terminal. Press Run to start it again.`,
        })
      }
    })

    let timer: ReturnType<typeof setTimeout> | undefined
    const onAbort = () => process.kill()
    lifetime.signal.addEventListener('abort', onAbort, { once: true })
    try {
      await Promise.race([
        ready,
        process.exit.then((code) => {
          throw new Error(
            `The app exited with code ${code} before it listened; its output is in the terminal.`,
          )
        }),
        new Promise((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new Error(
                  `The app did not listen within ${Math.round(liftTimeoutMs / 1000)} s; its output is in the terminal.`,
                ),
              ),
            liftTimeoutMs,
          )
        }),
      ])
    } finally {
      clearTimeout(timer)
      readyWaiter = null
      lifetime.signal.removeEventListener('abort', onAbort)
    }
  }

  async function stopApp(): Promise<void> {
    const running = app
    const exit = appExit
    if (!running || !exit) return
    stopping = true
    try {
      running.kill()
      await exit
    } finally {
      stopping = false
    }
  }

  function fail(error: unknown): void {
    if (lifetime.signal.aborted || state.status === 'stopped') return
    set({
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
    })
  }

  const session: ExampleSession = {
    getState: () => state,
    subscribe(listener) {
      listener(state)
      return events.on('state', listener)
    },
    on: (event, listener) => events.on(event, listener),

    start: () =>
      enqueue(async () => {
        if (state.status === 'running' || lifetime.signal.aborted) return
        set({ status: 'booting', steps: pendingSteps(), error: null })
        try {
          let target!: Container
          await step('boot', async () => {
            target = await ensureContainer()
          })
          await step('mount', async () => {
            for (const layer of await options.files()) await target.mount(layer)
          })
          await step('install', () => install(target))
          await step('lift', () => lift(target))
          set({ status: 'running' })
        } catch (error) {
          await stopApp().catch(() => {})
          fail(error)
        }
      }),

    restart: () =>
      enqueue(async () => {
        if (!container || lifetime.signal.aborted) return
        await stopApp()
        events.emit('restart')
        set({ status: 'booting', previewUrl: null, error: null })
        try {
          await step('lift', () => lift(container!))
          set({ status: 'running' })
        } catch (error) {
          fail(error)
        }
      }),

    writeFiles: (changes) =>
      enqueue(async () => {
        const target = await ensureContainer()
        for (const [path, contents] of Object.entries(changes)) {
          const folder = path.split('/').slice(0, -1).join('/')
          if (folder) await target.fs.mkdir(folder, { recursive: true })
          await target.fs.writeFile(path, contents)
        }
      }),

    stop: () => {
      // Killing first ends a lift that is still waiting for the app.
      stopping = true
      app?.kill()
      return enqueue(async () => {
        await stopApp()
        stopping = false
        set({ status: 'stopped', previewUrl: null })
      })
    },

    async dispose() {
      if (lifetime.signal.aborted) return
      stopping = true
      lifetime.abort(new Error('The example session was disposed.'))
      await stopApp().catch(() => {})
      for (const unsubscribe of unsubscribeContainer) unsubscribe()
      unsubscribeContainer = []
      await container?.teardown()
      container = null
      set({ status: 'stopped', previewUrl: null })
      events.clear()
    },
  }
  return session
}
