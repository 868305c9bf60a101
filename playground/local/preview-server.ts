import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { crossOriginIsolationHeaders } from '../headers'
import { localRuntimeMarkerHeader } from './runtime-marker'
import {
  createLocalRuntime,
  type LocalRuntimeOptions,
} from './server/create-local-runtime'
import { serveStatic } from './static-files'

/** Options of {@link startPreviewServer}. */
export interface PreviewServerOptions {
  /** Port to listen on; 0 picks a free one. @default 4173 */
  port?: number
  /** The built site. @default '.vitepress/dist' */
  root?: string
  /** Base path the site was built for, such as `/repo/`. @default '/' */
  base?: string
  /** @default '127.0.0.1' */
  host?: string
  /** Options of the local runtime mounted beside the site. */
  runtime?: LocalRuntimeOptions
}

/** A running preview server. */
export interface PreviewServer {
  /** The site's URL, base included, such as `http://127.0.0.1:4173/repo/`. */
  url: string
  /** Stops the server and removes every sandbox. */
  close(): Promise<void>
}

/**
 * Serves the built site with the cross-origin isolation headers and the
 * local runtime, so `npm run preview` runs examples like the dev server.
 */
export function startPreviewServer(
  options: PreviewServerOptions = {},
): Promise<PreviewServer> {
  const root = resolve(options.root ?? '.vitepress/dist')
  const base = normalizeBase(options.base ?? '/')
  const host = options.host ?? '127.0.0.1'
  const runtime = createLocalRuntime(options.runtime)

  const server = createServer((req, res) => {
    const headers = {
      ...crossOriginIsolationHeaders,
      ...localRuntimeMarkerHeader,
    }
    for (const [name, value] of Object.entries(headers)) {
      res.setHeader(name, value)
    }
    runtime.middleware(req, res, () => {
      serveStatic(root, base, req, res).then(
        (served) => {
          if (served) return
          res.writeHead(302, { location: base })
          res.end()
        },
        (error: Error) => {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
          res.end(
            `The preview server could not read the file: ${error.message}`,
          )
        },
      )
    })
  })
  const detach = runtime.attach(server)

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 4173, host, () => {
      const { port } = server.address() as AddressInfo
      resolvePromise({
        url: `http://${host}:${port}${base}`,
        close: async () => {
          detach()
          await runtime.dispose()
          server.closeAllConnections()
          await new Promise<void>((done) => server.close(() => done()))
        },
      })
    })
  })
}

function normalizeBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/')
}
