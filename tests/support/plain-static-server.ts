import {
  startStaticServer,
  type StaticServer,
} from '../../playground/local/static-files'

/**
 * Serves the built site the way a plain static host does, with no
 * COOP/COEP headers: the page is not cross-origin isolated.
 */
export function startPlainStaticServer(
  root = '.vitepress/dist',
): Promise<StaticServer> {
  return startStaticServer({ root })
}
