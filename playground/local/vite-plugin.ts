import type { Plugin } from 'vite'
import { crossOriginIsolationHeaders } from '../headers'
import { localRuntimeMarkerHeader } from './runtime-marker'
import {
  createLocalRuntime,
  type LocalRuntimeOptions,
} from './server/create-local-runtime'

/** Options of {@link localRuntime}. */
export interface LocalRuntimePluginOptions extends LocalRuntimeOptions {
  /**
   * Send the cross-origin isolation headers on every dev page, as the
   * deployed site does, so a WebContainer can be tried in dev too.
   * @default true
   */
  isolationHeaders?: boolean
}

/**
 * Mounts the local runtime into the Vite dev server: the session middleware
 * and the WebSocket upgrade on `/__playground/ws`. Vite's own HMR socket
 * shares the HTTP server's `upgrade` event; this plugin answers only its path.
 */
export function localRuntime(options: LocalRuntimePluginOptions = {}): Plugin {
  const { isolationHeaders = true, ...runtimeOptions } = options
  return {
    name: 'boring-playground:local-runtime',
    apply: 'serve',
    configureServer(server) {
      const runtime = createLocalRuntime(runtimeOptions)
      // Set here rather than through Vite's server.headers, which VitePress's
      // own page middleware never sends: the page itself must carry them.
      const headers = {
        ...localRuntimeMarkerHeader,
        ...(isolationHeaders ? crossOriginIsolationHeaders : {}),
      }
      server.middlewares.use((_req, res, next) => {
        for (const [name, value] of Object.entries(headers)) {
          res.setHeader(name, value)
        }
        next()
      })
      server.middlewares.use(runtime.middleware)
      const detach = server.httpServer
        ? runtime.attach(server.httpServer as import('node:http').Server)
        : () => {}
      server.httpServer?.once('close', () => {
        detach()
        void runtime.dispose()
      })
    },
  }
}
