import { readFile } from 'node:fs/promises'
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import sirv from 'sirv'

/** Serves a built site; resolves false when the path is outside `base`. */
export type StaticHandler = (
  req: IncomingMessage,
  res: ServerResponse,
) => Promise<boolean>

/**
 * Serves a built VitePress site under `base` as `vitepress preview` does,
 * with sirv: clean URLs (`/guide/session` → `guide/session.html`), hashed
 * assets cached for a year, pages revalidated, and `404.html` for pages that
 * do not exist.
 */
export function createStaticHandler(root: string, base = '/'): StaticHandler {
  const serve = sirv(root, {
    etag: true,
    maxAge: 31_536_000,
    immutable: true,
    setHeaders(res, pathname) {
      if (!isAsset(pathname)) res.setHeader('cache-control', 'no-cache')
    },
  })
  let notFoundPage: Promise<Buffer | null> | undefined

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const inside = url.pathname.startsWith(base) || url.pathname + '/' === base
    if (!inside) return Promise.resolve(false)

    // sirv serves from the root of `root`; the base is not part of it.
    const original = req.url
    req.url = '/' + url.pathname.slice(base.length) + url.search
    return new Promise<boolean>((done) => {
      serve(req, res, () => {
        req.url = original
        notFoundPage ??= readFile(join(root, '404.html')).catch(() => null)
        void notFoundPage.then((page) => {
          const html = page && !isAsset(url.pathname)
          res.writeHead(404, {
            'content-type': html
              ? 'text/html; charset=utf-8'
              : 'text/plain; charset=utf-8',
          })
          res.end(html ? page : `Nothing at ${url.pathname}.`)
          done(true)
        })
      })
      res.once('finish', () => done(true))
    })
  }
}

function isAsset(pathname: string): boolean {
  return pathname.includes('/assets/')
}

/** Options of {@link startStaticServer}. */
export interface StaticServerOptions {
  /** The built site. @default '.vitepress/dist' */
  root?: string
  /** Base path the site was built for. @default '/' */
  base?: string
  /** Headers sent with every response. @default {} */
  headers?: Record<string, string>
  /** @default '127.0.0.1' */
  host?: string
  /** Port to listen on; 0 picks a free one. @default 0 */
  port?: number
  /**
   * Answers first, before the site: the local runtime's middleware. Call
   * `next` to pass the request on to the site.
   */
  before?: (req: IncomingMessage, res: ServerResponse, next: () => void) => void
}

/** A running static server. */
export interface StaticServer {
  /** The site's URL, base included, such as `http://127.0.0.1:40123/`. */
  url: string
  server: Server
  close(): Promise<void>
}

/** Serves a built site on a loopback port with the given headers. */
export function startStaticServer(
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const base = options.base ?? '/'
  const host = options.host ?? '127.0.0.1'
  const site = createStaticHandler(
    resolve(options.root ?? '.vitepress/dist'),
    base,
  )

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      res.setHeader(name, value)
    }
    const serveSite = () =>
      site(req, res).then(
        (served) => {
          if (served) return
          res.writeHead(302, { location: base })
          res.end()
        },
        (error: Error) => {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
          res.end(`The server could not read the file: ${error.message}`)
        },
      )
    if (options.before) options.before(req, res, serveSite)
    else void serveSite()
  })

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo
      resolvePromise({
        url: `http://${host}:${port}${base}`,
        server,
        close: async () => {
          server.closeAllConnections()
          await new Promise<void>((done) => server.close(() => done()))
        },
      })
    })
  })
}
