import { access } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { Container } from '../../playground/container/types'
import { SESSION_PATH, WS_PATH } from '../../playground/local/protocol'
import {
  pidExists,
  readAll,
  waitForOutput,
} from '../contract/container-contract'
import {
  startTestRuntime,
  type TestRuntimeServer,
} from '../fixtures/local-runtime-server'

let server: TestRuntimeServer
let container: Container | null = null

beforeAll(async () => {
  server = await startTestRuntime()
})
afterEach(async () => {
  await container?.teardown()
  container = null
})
afterAll(() => server.close())

function askToken(origin: string | null): Promise<Response> {
  return fetch(server.origin + SESSION_PATH, {
    method: 'POST',
    headers: origin ? { origin } : {},
  })
}

async function token(): Promise<string> {
  const body = (await (await askToken(server.origin)).json()) as {
    token: string
  }
  return body.token
}

/** Resolves with the HTTP status the upgrade was refused with, or 101. */
function upgradeStatus(origin: string, query: string): Promise<number> {
  return new Promise((resolve) => {
    const url = server.origin.replace('http', 'ws') + WS_PATH + query
    const socket = new WebSocket(url, { origin })
    socket.once('open', () => {
      socket.close()
      resolve(101)
    })
    socket.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      socket.terminate()
    })
    socket.once('error', () => {})
  })
}

describe('the local runtime as a security boundary', () => {
  it('hands a token to a page of its own origin', async () => {
    const response = await askToken(server.origin)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      token: expect.any(String),
      wsPath: WS_PATH,
    })
  })

  it('refuses the session POST from another origin', async () => {
    const response = await askToken('http://evil.example')
    expect(response.status).toBe(403)
    expect(((await response.json()) as { error: string }).error).toMatch(
      /only a page of this site/,
    )
  })

  it('refuses the session POST without an Origin header', async () => {
    expect((await askToken(null)).status).toBe(403)
  })

  it('refuses a page opened under a non-loopback host name (DNS rebinding)', async () => {
    const port = new URL(server.origin).port
    const response = await fetch(server.origin + SESSION_PATH, {
      method: 'POST',
      headers: {
        origin: `http://rebound.example:${port}`,
        host: `rebound.example:${port}`,
      },
    })
    expect(response.status).toBe(403)
  })

  it('refuses the WebSocket upgrade from another origin, even with a valid token', async () => {
    const valid = await token()
    expect(await upgradeStatus('http://evil.example', `?token=${valid}`)).toBe(
      403,
    )
  })

  it('refuses the WebSocket upgrade with a missing token', async () => {
    expect(await upgradeStatus(server.origin, '')).toBe(403)
  })

  it('refuses the WebSocket upgrade with a made-up token', async () => {
    expect(await upgradeStatus(server.origin, '?token=made-up')).toBe(403)
  })

  it('refuses a token the second time it is used', async () => {
    const once = await token()
    expect(await upgradeStatus(server.origin, `?token=${once}`)).toBe(101)
    expect(await upgradeStatus(server.origin, `?token=${once}`)).toBe(403)
  })

  it('answers a request for an unknown or inherited method with an error, not a crash', async () => {
    const valid = await token()
    const url = `${server.origin.replace('http', 'ws')}${WS_PATH}?token=${valid}`
    const socket = new WebSocket(url, { origin: server.origin })
    await new Promise((resolve) => socket.once('open', resolve))
    const answers: unknown[] = []
    socket.on('message', (data) => answers.push(JSON.parse(String(data))))

    for (const method of ['constructor', '__proto__', 'nope']) {
      socket.send(
        JSON.stringify({ kind: 'request', id: 1, method, params: {} }),
      )
    }
    socket.send(
      JSON.stringify({
        kind: 'request',
        id: 2,
        method: 'readdir',
        params: { path: 42 },
      }),
    )
    socket.send(
      JSON.stringify({
        kind: 'request',
        id: 3,
        method: 'readdir',
        params: { path: '.' },
      }),
    )

    await expect.poll(() => answers.length).toBe(5)
    expect(answers.slice(0, 4)).toEqual(
      Array(4).fill(expect.objectContaining({ ok: false })),
    )
    expect(answers[4]).toEqual({
      kind: 'response',
      id: 3,
      ok: true,
      result: [],
    })
    socket.close()
  })

  it('refuses a path with a ".." segment', async () => {
    container = await server.connect()
    await expect(container.fs.readFile('../outside', 'utf-8')).rejects.toThrow(
      /refused: a "\.\." segment/,
    )
    await expect(container.fs.writeFile('a/../../x', 'x')).rejects.toThrow(
      /refused/,
    )
  })

  it('refuses an absolute path', async () => {
    container = await server.connect()
    await expect(container.fs.readFile('/etc/passwd', 'utf-8')).rejects.toThrow(
      /refused: absolute paths/,
    )
  })

  it('refuses a path through a symlink that leaves the sandbox', async () => {
    container = await server.connect()
    const child = await container.spawn('node', [
      '-e',
      "require('fs').symlinkSync('/etc', 'x')",
    ])
    expect(await child.exit).toBe(0)
    await expect(container.fs.readFile('x/passwd', 'utf-8')).rejects.toThrow(
      /refused: it resolves through a symlink/,
    )
    await expect(container.fs.writeFile('x/new-file', 'x')).rejects.toThrow(
      /refused/,
    )
  })

  it('refuses writing through a dangling symlink that points outside', async () => {
    container = await server.connect()
    const child = await container.spawn('node', [
      '-e',
      "require('fs').symlinkSync('/tmp/never-created-by-the-page', 'dangling')",
    ])
    await child.exit
    await expect(container.fs.writeFile('dangling', 'x')).rejects.toThrow(
      /refused/,
    )
  })

  it('keeps the shared node_modules read-only to the page', async () => {
    container = await server.connect()
    await container.mount({ 'app.js': { file: { contents: '' } } })
    await expect(
      container.fs.writeFile('node_modules/evil.js', 'x'),
    ).rejects.toThrow(/refused/)
  })

  it('refuses a command other than node and npm', async () => {
    container = await server.connect()
    await expect(container.spawn('sh', ['-c', 'id'])).rejects.toThrow(
      /not allowed here; the local runtime runs only node and npm/,
    )
  })

  it('refuses a page beyond the sandbox limit', async () => {
    const small = await startTestRuntime({ limits: { maxSandboxes: 1 } })
    const first = await small.connect()
    await expect(small.connect()).rejects.toThrow(/refused the connection/)
    await first.teardown()
    await small.close()
  })

  it('removes the sandbox and kills its processes when the page closes', async () => {
    container = await server.connect()
    const where = await container.spawn('node', [
      '-e',
      'console.log(process.cwd())',
    ])
    const root = (await readAll(where)).trim()
    const child = await container.spawn('node', [
      '-e',
      'setInterval(() => {}, 1000); console.log("pid " + process.pid)',
    ])
    const [, pid] = await waitForOutput(child, /pid (\d+)/)
    await access(root)

    await container.teardown()
    container = null

    await expect
      .poll(() => pidExists(Number(pid)), { timeout: 5000 })
      .toBe(false)
    await expect
      .poll(
        () =>
          access(root).then(
            () => 'exists',
            () => 'gone',
          ),
        {
          timeout: 5000,
        },
      )
      .toBe('gone')
    await expect.poll(() => server.runtime.sandboxCount).toBe(0)
  })
})

describe('the local runtime’s resource bounds', () => {
  let small: TestRuntimeServer
  let page: Container | null = null

  beforeAll(async () => {
    small = await startTestRuntime({
      limits: { maxProcesses: 2, maxBytesWritten: 1000, maxMessageBytes: 4096 },
    })
  })
  afterEach(async () => {
    await page?.teardown()
    page = null
  })
  afterAll(() => small.close())

  it('refuses a write past the bytes a sandbox may write', async () => {
    page = await small.connect()
    await page.fs.writeFile('a.txt', 'x'.repeat(900))
    await expect(page.fs.writeFile('b.txt', 'x'.repeat(200))).rejects.toThrow(
      /would pass the sandbox's limit of 1000 bytes written/,
    )
  })

  it('refuses a process past the sandbox’s process limit', async () => {
    page = await small.connect()
    const forever = ['-e', 'setInterval(() => {}, 1000)']
    await page.spawn('node', forever)
    await page.spawn('node', forever)
    await expect(page.spawn('node', forever)).rejects.toThrow(
      /already runs 2 processes, its limit/,
    )
  })

  it('closes the connection of a page that sends an oversized message', async () => {
    page = await small.connect()
    const errors: string[] = []
    page.on('error', ({ message }) => errors.push(message))
    await expect(
      page.fs.writeFile('big.txt', 'x'.repeat(10_000)),
    ).rejects.toThrow(/closed/)
    expect(errors[0]).toMatch(/connection to the local runtime closed/)
    await expect.poll(() => small.runtime.sandboxCount).toBe(0)
  })
})
