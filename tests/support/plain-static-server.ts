import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { serveStatic } from '../../playground/local/static-files'

/** Options of {@link startStaticServer}. */
export interface StaticServerOptions {
  /** The built site. @default '.vitepress/dist' */
  root?: string
  /** Base path the site was built for. @default '/' */
  base?: string
  /** Headers sent with every response. @default {} */
  headers?: Record<string, string>
}

/** A static server a test started; close it in `afterAll`. */
export interface StaticServer {
  /** The site's URL, base included, such as `http://127.0.0.1:40123/`. */
  url: string
  close(): Promise<void>
}

/**
 * Serves the built site on a free loopback port with the given headers and
 * nothing else: no local runtime and no `Server-Timing` marker, as a static
 * host does.
 */
export function startStaticServer(
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const root = resolve(options.root ?? '.vitepress/dist')
  const base = options.base ?? '/'
  const headers = options.headers ?? {}

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) {
      res.setHeader(name, value)
    }
    serveStatic(root, base, req, res).then(
      (served) => {
        if (served) return
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        res.end(`Nothing at ${req.url}: the site is under ${base}.`)
      },
      (error: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
        res.end(`The static server could not read the file: ${error.message}`)
      },
    )
  })

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolvePromise({
        url: `http://127.0.0.1:${port}${base}`,
        close: async () => {
          server.closeAllConnections()
          await new Promise<void>((done) => server.close(() => done()))
        },
      })
    })
  })
}

/**
 * Serves the built site the way a plain static host does, with no
 * COOP/COEP headers: the page is not cross-origin isolated.
 */
export function startPlainStaticServer(
  root = '.vitepress/dist',
): Promise<StaticServer> {
  return startStaticServer({ root })
}
