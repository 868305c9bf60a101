import { crossOriginIsolationHeaders } from '../headers'
import { localRuntimeMarkerHeader } from './runtime-marker'
import {
  createLocalRuntime,
  type LocalRuntimeOptions,
} from './server/create-local-runtime'
import { normalizeBase } from '../deploy/site-base'
import { startStaticServer } from './static-files'

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
export async function startPreviewServer(
  options: PreviewServerOptions = {},
): Promise<PreviewServer> {
  const runtime = createLocalRuntime(options.runtime)
  const site = await startStaticServer({
    root: options.root,
    base: normalizeBase(options.base ?? '/'),
    host: options.host,
    port: options.port ?? 4173,
    headers: { ...crossOriginIsolationHeaders, ...localRuntimeMarkerHeader },
    before: (req, res, next) => runtime.middleware(req, res, next),
  }).catch(async (error: unknown) => {
    await runtime.dispose()
    throw error
  })
  const detach = runtime.attach(site.server)

  return {
    url: site.url,
    close: async () => {
      detach()
      await runtime.dispose()
      await site.close()
    },
  }
}
