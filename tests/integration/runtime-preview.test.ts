import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crossOriginIsolationHeaders } from '../../playground/headers'
import {
  startPreviewServer,
  type PreviewServer,
} from '../../playground/local/preview-server'
import { SESSION_PATH } from '../../playground/local/protocol'
import { startPreviewProxy } from '../../playground/local/server/preview-proxy'

describe('the preview proxy in front of an example app', () => {
  let app: Server
  let appPort: number

  beforeAll(async () => {
    app = createServer((req, res) => {
      res.setHeader('set-cookie', ['sid=1; HttpOnly', 'other=2'])
      res.setHeader('cross-origin-resource-policy', 'same-origin')
      res.end(`host=${req.headers.host} path=${req.url}`)
    })
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve))
    appPort = (app.address() as AddressInfo).port
  })
  afterAll(() => new Promise((resolve) => app.close(resolve)))

  it('adds COEP and CORP so an isolated page can frame the app', async () => {
    const proxy = await startPreviewProxy(appPort)
    try {
      const response = await fetch(`http://127.0.0.1:${proxy.port}/login?x=1`)
      expect(response.headers.get('cross-origin-embedder-policy')).toBe(
        'require-corp',
      )
      expect(response.headers.get('cross-origin-resource-policy')).toBe(
        'cross-origin',
      )
      expect(response.headers.getSetCookie()).toEqual([
        'sid=1; HttpOnly',
        'other=2',
      ])
      expect(await response.text()).toBe(
        `host=127.0.0.1:${proxy.port} path=/login?x=1`,
      )
    } finally {
      await proxy.close()
    }
  })

  it('answers 502 with a sentence when the app is not listening', async () => {
    const proxy = await startPreviewProxy(1)
    try {
      const response = await fetch(`http://127.0.0.1:${proxy.port}/`)
      expect(response.status).toBe(502)
      expect(await response.text()).toMatch(/did not answer/)
    } finally {
      await proxy.close()
    }
  })
})

describe('the preview server of the built site', () => {
  let root: string
  let preview: PreviewServer

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'preview-site-'))
    await mkdir(join(root, 'boring-stack'))
    await mkdir(join(root, 'assets'))
    await writeFile(join(root, 'index.html'), 'home')
    await writeFile(join(root, '404.html'), 'not found page')
    await writeFile(join(root, 'boring-stack/session.html'), 'session page')
    await writeFile(join(root, 'assets/app.abc123.js'), 'js')
    preview = await startPreviewServer({ port: 0, root, base: '/repo/' })
  })
  afterAll(async () => {
    await preview.close()
    await rm(root, { recursive: true, force: true })
  })

  it('prints its URL with the base path', () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/repo\/$/)
  })

  it('serves clean URLs from their .html files with the isolation headers', async () => {
    const response = await fetch(preview.url + 'boring-stack/session')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('session page')
    for (const [name, value] of Object.entries(crossOriginIsolationHeaders)) {
      expect(response.headers.get(name)).toBe(value)
    }
  })

  it('serves the index page at the base path', async () => {
    expect(await (await fetch(preview.url)).text()).toBe('home')
  })

  it('answers an unknown page with 404.html', async () => {
    const response = await fetch(preview.url + 'nowhere')
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('not found page')
  })

  it('caches hashed assets for a year', async () => {
    const response = await fetch(preview.url + 'assets/app.abc123.js')
    expect(response.headers.get('cache-control')).toContain('immutable')
  })

  it('offers the local runtime to its own pages', async () => {
    const origin = new URL(preview.url).origin
    const response = await fetch(origin + SESSION_PATH, {
      method: 'POST',
      headers: { origin },
    })
    expect(response.status).toBe(200)
  })
})
