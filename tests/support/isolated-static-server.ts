import { crossOriginIsolationHeaders } from '../../playground/headers'
import {
  startStaticServer,
  type StaticServer,
} from '../../playground/local/static-files'

/**
 * Serves the built site the way a static host configured by `_headers`
 * does: cross-origin isolated, with no local runtime. A page there chooses
 * a WebContainer.
 */
export function startIsolatedStaticServer(
  root = '.vitepress/dist',
): Promise<StaticServer> {
  return startStaticServer({ root, headers: crossOriginIsolationHeaders })
}
