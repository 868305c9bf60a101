import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import {
  connectLocalContainer,
  type WebSocketLike,
} from '../../playground/local/client'
import { localRuntime } from '../../playground/local/vite-plugin'
import { readAll } from '../contract/container-contract'

let root: string
let server: ViteDevServer
let origin: string

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vite-plugin-'))
  await writeFile(join(root, 'index.html'), '<p>page</p>')
  server = await createServer({
    root,
    configFile: false,
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1', strictPort: false },
    plugins: [localRuntime()],
  })
  await server.listen()
  const { port } = server.httpServer!.address() as AddressInfo
  origin = `http://127.0.0.1:${port}`
})
afterAll(async () => {
  await server.close()
  await rm(root, { recursive: true, force: true })
})

describe('the local runtime mounted into the Vite dev server', () => {
  it('sends the cross-origin isolation headers on pages', async () => {
    const response = await fetch(origin + '/')
    expect(response.headers.get('cross-origin-opener-policy')).toBe(
      'same-origin',
    )
    expect(response.headers.get('cross-origin-embedder-policy')).toBe(
      'require-corp',
    )
  })

  it('runs a process for a page of the dev server', async () => {
    const container = await connectLocalContainer({
      origin,
      fetch: (url, init) =>
        fetch(url, { ...init, headers: { ...init?.headers, origin } }),
      createSocket: (url) =>
        new WebSocket(url, { origin }) as unknown as WebSocketLike,
    })
    const child = await container.spawn('node', ['-e', 'console.log(6 * 7)'])
    expect(await readAll(child)).toContain('42')
    await container.teardown()
  })

  it('leaves the HMR socket to Vite', async () => {
    const { webSocketToken } = server.config as { webSocketToken?: string }
    const url = `${origin.replace('http', 'ws')}/?token=${webSocketToken ?? ''}`
    const socket = new WebSocket(url, 'vite-hmr', { origin })
    const first = await new Promise<string>((resolve, reject) => {
      socket.once('message', (data) => resolve(String(data)))
      socket.once('error', reject)
    })
    expect(JSON.parse(first)).toMatchObject({ type: 'connected' })
    socket.close()
  })
})
