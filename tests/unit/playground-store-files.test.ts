import { describe, expect, it } from 'vitest'
import {
  PlaygroundStore,
  type PlaygroundDependencies,
} from '../../playground/live/playground-store'
import type { ExampleSession } from '../../playground/session/example-session'
import {
  pendingSteps,
  type ExampleSessionState,
} from '../../playground/session/state'

const FILE = 'config/session.js'
const SHIPPED = "module.exports.session = { adapter: 'memory' }\n"
const PAGE = "module.exports.session = { adapter: 'redis' }\n"

/** A session that lifts at once and remembers what it was given. */
function fakeSession(mount: () => Promise<unknown>) {
  let state: ExampleSessionState = {
    status: 'idle',
    runtime: 'local',
    steps: pendingSteps(),
    previewUrl: null,
    error: null,
  }
  const listeners = new Set<(state: ExampleSessionState) => void>()
  const set = (next: Partial<ExampleSessionState>) => {
    state = { ...state, ...next }
    for (const listener of listeners) listener(state)
  }
  const written: Array<Record<string, string | Uint8Array>> = []
  const session: ExampleSession = {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      listener(state)
      return () => listeners.delete(listener)
    },
    on: () => () => {},
    async start() {
      await mount()
      set({
        status: 'running',
        steps: pendingSteps().map((step) => ({ ...step, status: 'done' })),
      })
    },
    async restart() {
      set({ status: 'running' })
    },
    async writeFiles(changes) {
      written.push(changes)
    },
    async stop() {
      set({ status: 'stopped' })
    },
    async dispose() {
      listeners.clear()
    },
  }
  return { session, written }
}

async function liveStore() {
  let fake: ReturnType<typeof fakeSession> | undefined
  const deps: PlaygroundDependencies = {
    async loadFiles() {
      return {
        config: {
          directory: { 'session.js': { file: { contents: SHIPPED } } },
        },
      }
    },
    async loadSnapshot() {
      throw new Error('The local runtime needs no snapshot.')
    },
    async createSession(_choice, layers) {
      fake = fakeSession(layers)
      return fake.session
    },
  }
  const store = new PlaygroundStore('session-auth', '/session', deps)
  store.setChoice({ kind: 'local', reason: 'test', offer: null })
  store.registerFile(FILE, PAGE)
  await store.run()
  return { store, written: () => fake?.written ?? [] }
}

describe('the playground store’s files', () => {
  it('shows the shipped file once the example is loaded, not the page text', async () => {
    const { store } = await liveStore()

    expect(store.textOf(FILE)).toBe(SHIPPED)
    expect(store.isPending(FILE)).toBe(false)
  })

  it('marks an edit pending until Run writes it into the app', async () => {
    const { store, written } = await liveStore()

    store.edit(FILE, PAGE)
    expect(store.isPending(FILE)).toBe(true)

    await store.run()
    expect(written()).toEqual([{ [FILE]: PAGE }])
    expect(store.isPending(FILE)).toBe(false)
  })

  it('marks a reset pending while the app still runs the edit', async () => {
    const { store, written } = await liveStore()
    store.edit(FILE, PAGE)
    await store.run()

    store.edit(FILE, SHIPPED)

    expect(store.state.files[FILE]?.draft).toBeNull()
    expect(store.textOf(FILE)).toBe(SHIPPED)
    expect(store.isPending(FILE)).toBe(true)
    await store.run()
    expect(written().at(-1)).toEqual({ [FILE]: SHIPPED })
    expect(store.isPending(FILE)).toBe(false)
  })

  it('counts an edit made before the example ran as pending', () => {
    const store = new PlaygroundStore('session-auth', '/session')
    store.registerFile(FILE, PAGE)

    store.edit(FILE, 'module.exports.session = {}\n')

    expect(store.textOf(FILE)).toBe('module.exports.session = {}\n')
    expect(store.isPending(FILE)).toBe(true)
  })
})
