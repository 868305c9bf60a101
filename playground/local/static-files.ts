import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
}

/**
 * Serves a built VitePress site under `base` the way `vitepress preview`
 * does: clean URLs (`/guide/session` → `guide/session.html`), folders to
 * `index.html`, hashed assets cached for a year, and `404.html` for pages
 * that do not exist. Returns false when the path is outside `base`.
 */
export async function serveStatic(
  root: string,
  base: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
  } catch {
    pathname = '/'
  }
  if (!pathname.startsWith(base) && pathname + '/' !== base) return false
  const inside = normalize('/' + pathname.slice(base.length))
  const candidates = inside.endsWith('/')
    ? [inside + 'index.html']
    : [inside, inside + '.html', inside + '/index.html']

  for (const candidate of candidates) {
    const file = join(root, candidate)
    if (file !== root && !file.startsWith(root + sep)) continue
    const info = await stat(file).catch(() => null)
    if (info?.isFile()) {
      send(res, 200, file, info.size, candidate.includes('/assets/'))
      return true
    }
  }

  const notFound = join(root, '404.html')
  const info = await stat(notFound).catch(() => null)
  if (info?.isFile() && !inside.includes('/assets/')) {
    send(res, 404, notFound, info.size, false)
  } else {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end(`Nothing at ${pathname}.`)
  }
  return true
}

function send(
  res: ServerResponse,
  status: number,
  file: string,
  size: number,
  immutable: boolean,
): void {
  res.writeHead(status, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': size,
    'cache-control': immutable
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
  })
  if (res.req.method === 'HEAD') return void res.end()
  createReadStream(file).pipe(res)
}
