import {
  createServer,
  request,
  type IncomingHttpHeaders,
  type OutgoingHttpHeaders,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { framedDocumentHeaders } from '../../headers'

/** A running {@link startPreviewProxy}. */
export interface PreviewProxy {
  /** Port the proxy listens on (127.0.0.1). */
  port: number
  close(): Promise<void>
}

const replaced = new Set(
  Object.keys(framedDocumentHeaders).map((name) => name.toLowerCase()),
)

/**
 * Puts an HTTP proxy in front of an app on `targetPort` that adds
 * {@link framedDocumentHeaders} to every response. A cross-origin isolated
 * page (COEP: require-corp) can frame the app only when the framed document
 * itself sends COEP and CORP; the example app does not, and should not have
 * to, so the local runtime adds them here. Everything else passes unchanged,
 * `Host` and `Set-Cookie` included.
 */
export function startPreviewProxy(targetPort: number): Promise<PreviewProxy> {
  const server = createServer((req, res) => {
    const upstream = request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(
          answer.statusCode ?? 502,
          withFramingHeaders(answer.headers),
        )
        answer.pipe(res)
      },
    )
    upstream.on('error', (error) => {
      if (res.headersSent) return res.destroy()
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(
        `The example app on port ${targetPort} did not answer (${error.message}). It may still be starting or may have stopped; see the terminal.`,
      )
    })
    req.pipe(upstream)
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}

function withFramingHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !replaced.has(name)) out[name] = value
  }
  return { ...out, ...framedDocumentHeaders }
}
