import type { HeadConfig } from 'vitepress'
import { crossOriginIsolationHeaders } from '../headers'
import { normalizeBase } from './site-base'

/** The service worker's file name at the site's base, next to index.html. */
export const COI_SERVICE_WORKER_FILE = 'coi-serviceworker.js'

/** Where the copied file comes from: coi-serviceworker's minified build. */
export const COI_SERVICE_WORKER_SOURCE =
  'coi-serviceworker/coi-serviceworker.min.js'

const RELOAD_MARK = 'boring-coi-reloaded'

/**
 * The `<head>` entries that make the site cross-origin isolated on a host
 * that cannot send headers (GitHub Pages), for VitePress's `head` option.
 *
 * One inline script configures coi-serviceworker through `window.coi` and,
 * only when the page is not isolated yet, loads `<base>coi-serviceworker.js`.
 * That file registers itself as a service worker whose scope is its folder
 * (the whole site under `base`), which adds COOP/COEP to every response, and
 * reloads the page once. Where the host already sends the headers (Netlify,
 * Vercel, Cloudflare Pages, `vitepress dev` and `preview`), the page is
 * isolated, nothing is fetched and nothing registers.
 */
export function coiHeadTags(base: string): HeadConfig[] {
  const src = `${normalizeBase(base)}${COI_SERVICE_WORKER_FILE}`
  const credentialless =
    crossOriginIsolationHeaders['Cross-Origin-Embedder-Policy'] ===
    ('credentialless' as string)
  return [['script', {}, coiLoaderScript(src, credentialless)]]
}

/**
 * The inline loader. It inserts a classic script rather than a module:
 * coi-serviceworker registers the URL in `document.currentScript.src`,
 * which module scripts do not set.
 */
function coiLoaderScript(src: string, credentialless: boolean): string {
  return [
    'window.coi = {',
    '  shouldRegister: () => !window.crossOriginIsolated,',
    '  shouldDeregister: () => false,',
    // The worker's COEP must match what the WebContainer boots with.
    `  coepCredentialless: () => ${credentialless},`,
    '  quiet: true,',
    // A worker that never takes control must not reload the page forever.
    '  doReload: () => {',
    '    try {',
    `      if (sessionStorage.getItem(${JSON.stringify(RELOAD_MARK)})) return`,
    `      sessionStorage.setItem(${JSON.stringify(RELOAD_MARK)}, '1')`,
    '    } catch {}',
    '    window.location.reload()',
    '  },',
    '}',
    'if (',
    '  window.crossOriginIsolated === false &&',
    '  window.isSecureContext &&',
    "  'serviceWorker' in navigator",
    ') {',
    "  const script = document.createElement('script')",
    `  script.src = ${JSON.stringify(src)}`,
    '  document.head.appendChild(script)',
    '}',
  ].join('\n')
}
