import { reactive, readonly, type DeepReadonly } from 'vue'
import type { RuntimeChoice } from '../container/choose-runtime'
import type { FileTree } from '../container/types'
import {
  initialInspectorState,
  reduceInspector,
  type InspectorInput,
  type InspectorState,
} from '../inspector/inspector-state'
import type { ExampleSession, MountLayer } from '../session/example-session'
import type { ExampleSessionState } from '../session/state'
import { defaultDependencies } from './default-dependencies'
import { readText, replaceText } from './file-tree-text'
import { findLiftErrors, type FileError } from './lift-errors'
import { OutputFeed } from './output-feed'
import { savedEdits, type SavedEdits } from './saved-edits'

/** One of the page's code blocks that is a file of the example. */
export interface LiveFileState {
  /** The text the page shows for it. */
  pageText: string
  /** The file as the example ships it; null until the example is loaded. */
  shipped: string | null
  /** What the reader typed; null when they have not edited it. */
  draft: string | null
  /** What the app runs now; null until the example is loaded. */
  running: string | null
  /** Where the last lift failed in this file, if it did. */
  error: FileError | null
}

/** Everything the page shows about one example. */
export interface PlaygroundState {
  example: string
  choice: RuntimeChoice | null
  /** The session's state; null before the first Run. */
  session: ExampleSessionState | null
  inspector: InspectorState
  files: Record<string, LiveFileState>
  /** Bumped whenever the app lifts, so the preview loads its front page again. */
  liftCount: number
  /** Why the last Run failed, in a sentence; null when it did not. */
  runError: string | null
}

/** Loads what a session needs; tests and other runtimes pass their own. */
export interface PlaygroundDependencies {
  /** Creates the session; it mounts what `layers` gives at each start. */
  createSession(
    choice: RunnableChoice,
    layers: () => Promise<MountLayer[]>,
  ): Promise<ExampleSession>
  /** The example's text files, as the page bundles them. */
  loadFiles(example: string): Promise<FileTree>
  /** The example with its node_modules, for a WebContainer. */
  loadSnapshot(example: string): Promise<ArrayBuffer>
}

export type RunnableChoice = Exclude<RuntimeChoice, { kind: 'unavailable' }>

/**
 * The one owner of an example on a page: it starts and restarts the app,
 * applies the reader's edits, and folds the app's events into read-only
 * state. Components read {@link PlaygroundStore.state} and call its intents.
 */
export class PlaygroundStore {
  readonly state: DeepReadonly<PlaygroundState>
  readonly output = new OutputFeed()

  #state: PlaygroundState
  #session: ExampleSession | null = null
  #starting: Promise<ExampleSession> | null = null
  #unsubscribe: Array<() => void> = []
  #edits: SavedEdits
  #restartReason: 'restart' | 'edits' = 'restart'
  #deps: PlaygroundDependencies

  constructor(
    example: string,
    pagePath: string,
    deps: PlaygroundDependencies = defaultDependencies,
  ) {
    this.#deps = deps
    this.#edits = savedEdits(pagePath, example)
    this.#state = reactive({
      example,
      choice: null,
      session: null,
      inspector: initialInspectorState(),
      files: {},
      liftCount: 0,
      runError: null,
    }) as PlaygroundState
    this.state = readonly(this.#state) as DeepReadonly<PlaygroundState>
  }

  /** The runtime chosen for the page. */
  setChoice(choice: RuntimeChoice): void {
    this.#state.choice = choice
  }

  /** A code block of the page says it shows `file`. */
  registerFile(file: string, pageText: string): void {
    if (this.#state.files[file]) return
    const draft = this.#edits.load()[file] ?? null
    this.#state.files[file] = {
      pageText,
      shipped: null,
      draft,
      running: null,
      error: null,
    }
  }

  /**
   * The text an editor of `file` shows: the reader's edit, else the file as
   * the app ships it. Not what runs: after a Reset the editor shows the
   * shipped file while the app may still run the edit, until the next Run.
   */
  textOf(file: string): string {
    const entry = this.#state.files[file]
    if (!entry) return ''
    return entry.draft ?? entry.shipped ?? entry.pageText
  }

  /** The reader typed in the editor of `file`. */
  edit(file: string, text: string): void {
    const entry = this.#state.files[file]
    if (!entry) return
    entry.draft = text === entry.shipped ? null : text
    this.#saveEdits()
  }

  /**
   * True when the editor of `file` holds something the app does not run: an
   * edit not run yet, or a Reset of an edit the app still runs.
   */
  isPending(file: string): boolean {
    const entry = this.#state.files[file]
    if (!entry) return false
    if (entry.running === null) return entry.draft !== null
    return (entry.draft ?? entry.shipped) !== entry.running
  }

  /** Lifts the app; the first call loads the runtime and the files. */
  async start(): Promise<void> {
    const session = await this.#ensureSession()
    if (session.getState().status === 'running') return
    const mark = this.output.written
    await session.start()
    this.#afterLift(mark)
  }

  /** Stops the app and lifts it again, as a restart of the server does. */
  restart(): Promise<void> {
    return this.#restart('restart')
  }

  async #restart(reason: 'restart' | 'edits'): Promise<void> {
    const session = this.#session
    if (!session) return this.start()
    const mark = this.output.written
    this.#restartReason = reason
    await session.restart()
    this.#afterLift(mark)
  }

  /** Applies every edit, then lifts the app again to run them. */
  async run(): Promise<void> {
    const session = this.#session
    const status = session?.getState().status
    if (!session || status === 'idle' || status === 'stopped') {
      return this.start()
    }
    // A boot that failed before the files were mounted starts over, and
    // mounts the edits with the files.
    const mounted = session.getState().steps[1]?.status === 'done'
    if (!mounted) return this.start()
    await this.#applyEdits(session)
    await this.#restart('edits')
  }

  /** Stops the app; the runtime stays for the next Run. */
  async stop(): Promise<void> {
    await this.#session?.stop()
  }

  /** Ends the session and every listener; edits stay saved. */
  async dispose(): Promise<void> {
    for (const unsubscribe of this.#unsubscribe) unsubscribe()
    this.#unsubscribe = []
    this.output.close()
    const session = this.#session ?? (await this.#starting?.catch(() => null))
    this.#session = null
    this.#starting = null
    await session?.dispose()
  }

  #ensureSession(): Promise<ExampleSession> {
    if (this.#session) return Promise.resolve(this.#session)
    const choice = this.#state.choice
    if (!choice || choice.kind === 'unavailable') {
      return Promise.reject(
        new Error(
          choice?.reason ??
            'The runtime for this page is not chosen yet; wait a moment and press Run again.',
        ),
      )
    }
    this.#starting ??= this.#createSession(choice)
    return this.#starting
  }

  async #createSession(choice: RunnableChoice): Promise<ExampleSession> {
    const files = await this.#deps.loadFiles(this.#state.example)
    for (const [path, entry] of Object.entries(this.#state.files)) {
      entry.shipped = readText(files, path)
      if (entry.draft === entry.shipped) entry.draft = null
    }
    const session = await this.#deps.createSession(choice, () =>
      this.#layers(files, choice),
    )
    this.#unsubscribe.push(
      session.subscribe((state) => {
        // Counted here, in the same tick as the status, so the preview
        // loads once per lift.
        const before = this.#state.session?.status
        if (state.status === 'running' && before !== 'running') {
          this.#state.liftCount++
        }
        this.#state.session = state
        const ended = state.status === 'stopped' || state.status === 'failed'
        if (ended && before !== state.status) {
          this.#inspect({
            type: 'stopped',
            time: new Date().toISOString(),
            reason: state.status === 'failed' ? 'failed' : 'stopped',
          })
        }
      }),
      session.on('output', (text) => this.output.write(text)),
      session.on('session-event', (event) => this.#inspect(event)),
      session.on('restart', () =>
        this.#inspect({
          type: 'restart',
          time: new Date().toISOString(),
          reason: this.#restartReason,
        }),
      ),
    )
    this.#session = session
    return session
  }

  /**
   * What a start mounts: the example's files with the reader's edits in
   * place; in a WebContainer, the prebuilt snapshot (node_modules included)
   * with the edited files over it.
   */
  async #layers(
    files: FileTree,
    choice: RunnableChoice,
  ): Promise<MountLayer[]> {
    let edits: FileTree = {}
    for (const [path, entry] of Object.entries(this.#state.files)) {
      entry.running = entry.draft ?? entry.shipped
      if (entry.draft !== null) edits = replaceText(edits, path, entry.draft)
    }
    if (choice.kind === 'webcontainer') {
      return [await this.#deps.loadSnapshot(this.#state.example), edits]
    }
    return [files, edits]
  }

  #inspect(input: InspectorInput): void {
    this.#state.inspector = reduceInspector(this.#state.inspector, input)
  }

  async #applyEdits(session: ExampleSession): Promise<void> {
    const changes: Record<string, string> = {}
    for (const [path, entry] of Object.entries(this.#state.files)) {
      const wanted = entry.draft ?? entry.shipped
      if (wanted !== null && wanted !== entry.running) changes[path] = wanted
    }
    if (Object.keys(changes).length === 0) return
    await session.writeFiles(changes)
    for (const [path, text] of Object.entries(changes)) {
      const entry = this.#state.files[path]
      if (entry) entry.running = text
    }
  }

  #afterLift(outputMark: number): void {
    const state = this.#session?.getState()
    for (const entry of Object.values(this.#state.files)) entry.error = null
    if (state?.status === 'running') {
      this.#state.runError = null
      return
    }
    this.#state.runError = state?.error ?? null
    const output = this.output.since(outputMark)
    for (const error of findLiftErrors(
      output,
      Object.keys(this.#state.files),
    )) {
      const entry = this.#state.files[error.file]
      if (entry) entry.error = error
    }
  }

  #saveEdits(): void {
    const edits: Record<string, string> = {}
    for (const [path, entry] of Object.entries(this.#state.files)) {
      if (entry.draft !== null) edits[path] = entry.draft
    }
    this.#edits.save(edits)
  }
}
