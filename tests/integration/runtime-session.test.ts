import { join } from 'node:path'
import {
  afterAll,
  afterEach,
  beforeAll,
  describe,
  expect,
  it,
  vi,
} from 'vitest'
import type { FileTree } from '../../playground/container/types'
import type { SessionEvent } from '../../playground/inspector/session-event'
import { buildFileTree } from '../../playground/examples/build-file-tree'
import {
  createExampleSession,
  type ExampleSession,
} from '../../playground/session/example-session'
import { pidExists } from '../contract/container-contract'
import {
  startTestRuntime,
  type TestRuntimeServer,
} from '../fixtures/local-runtime-server'

let server: TestRuntimeServer
let files: FileTree
let session: ExampleSession | null = null

beforeAll(async () => {
  server = await startTestRuntime()
  files = (await buildFileTree(join(__dirname, '../fixtures/runtime-app'))).tree
})
afterEach(async () => {
  await session?.dispose()
  session = null
})
afterAll(() => server.close())

function create(env: Record<string, string> = {}): ExampleSession {
  session = createExampleSession({
    files: async () => [files],
    runtime: 'local',
    connect: () => server.connect(),
    env,
  })
  return session
}

function collect(s: ExampleSession) {
  const output: string[] = []
  const events: SessionEvent[] = []
  s.on('output', (text) => output.push(text))
  s.on('session-event', (event) => events.push(event))
  return { output, events, text: () => output.join('') }
}

describe('an example session on the local runtime', () => {
  it('boots, mounts, installs and lifts the app, timing every step', async () => {
    const s = create()
    const statuses: string[] = []
    s.subscribe((state) => statuses.push(state.status))
    await s.start()

    const state = s.getState()
    expect(state.status).toBe('running')
    expect(state.error).toBeNull()
    expect(state.steps.map((step) => [step.name, step.status])).toEqual([
      ['boot', 'done'],
      ['mount', 'done'],
      ['install', 'done'],
      ['lift', 'done'],
    ])
    for (const step of state.steps) {
      expect(step.startedAt).toEqual(expect.any(Number))
      expect(step.elapsedMs).toBeGreaterThanOrEqual(0)
    }
    expect(state.steps[2]?.note).toMatch(/Nothing to install/)
    expect(statuses).toEqual(
      expect.arrayContaining(['idle', 'booting', 'running']),
    )
  })

  it('exposes a preview URL that reaches the app', async () => {
    const s = create()
    await s.start()
    const url = s.getState().previewUrl
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(await (await fetch(url!)).text()).toBe('hello from the fixture app')
  })

  it('emits session-event lines as events and keeps them out of the terminal', async () => {
    const s = create()
    const seen = collect(s)
    await s.start()
    await fetch(s.getState().previewUrl + '/login')

    await vi.waitFor(() =>
      expect(seen.events).toContainEqual(
        expect.objectContaining({ type: 'request', path: '/login' }),
      ),
    )
    expect(seen.events[0]?.type).toBe('lift')
    expect(seen.text()).toContain('listening')
    expect(seen.text()).not.toContain('@@session-event')
  })

  it('restarts the app on the same preview URL and signals the restart', async () => {
    const s = create()
    const seen = collect(s)
    let restarts = 0
    s.on('restart', () => restarts++)
    await s.start()
    const before = s.getState().previewUrl
    const firstPid = Number(seen.text().match(/pid (\d+)/)?.[1])

    await s.restart()

    expect(restarts).toBe(1)
    expect(s.getState().status).toBe('running')
    expect(s.getState().previewUrl).toBe(before)
    expect(pidExists(firstPid)).toBe(false)
    expect(await (await fetch(before!)).text()).toBe(
      'hello from the fixture app',
    )
  })

  it('runs edited files after writeFiles and a restart', async () => {
    const s = create()
    await s.start()
    await s.writeFiles({ 'greeting.json': '{ "text": "edited" }' })
    await s.restart()
    expect(await (await fetch(s.getState().previewUrl!)).text()).toBe('edited')
  })

  it('fails with a sentence when the app exits before it listens', async () => {
    const s = create({ CRASH_BEFORE_LISTEN: '1' })
    const seen = collect(s)
    await s.start()

    const state = s.getState()
    expect(state.status).toBe('failed')
    expect(state.error).toBe(
      'The app exited with code 4 before it listened; its output is in the terminal.',
    )
    expect(state.steps.find((step) => step.name === 'lift')?.status).toBe(
      'failed',
    )
    expect(seen.text()).toContain('told to crash')
  })

  it('reports a failed boot when the runtime cannot be reached', async () => {
    session = createExampleSession({
      files: async () => [files],
      runtime: 'local',
      connect: () => Promise.reject(new Error('No runtime here.')),
    })
    await session.start()
    expect(session.getState()).toMatchObject({
      status: 'failed',
      error: 'No runtime here.',
    })
    expect(session.getState().steps[0]?.status).toBe('failed')
  })

  it('stops the app and keeps the container for another start', async () => {
    const s = create()
    await s.start()
    await s.stop()
    expect(s.getState()).toMatchObject({ status: 'stopped', previewUrl: null })
    await s.start()
    expect(s.getState().status).toBe('running')
  })

  it('leaves no process, sandbox or listener behind after dispose', async () => {
    const s = create()
    const seen = collect(s)
    await s.start()
    const pid = Number(seen.text().match(/pid (\d+)/)?.[1])
    const states: string[] = []
    s.subscribe((state) => states.push(state.status))

    await s.dispose()
    session = null

    expect(pidExists(pid)).toBe(false)
    await expect.poll(() => server.runtime.sandboxCount).toBe(0)
    const count = states.length
    await s.start()
    expect(states.length).toBe(count)
  })
})
