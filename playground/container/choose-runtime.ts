import type { RuntimeKind } from './types'

/** What the page is told when the local runtime offers itself. */
export interface LocalRuntimeOffer {
  /** One-time token for the WebSocket upgrade. */
  token: string
  /** Path of the WebSocket, such as `/__playground/ws`. */
  wsPath: string
}

/** What {@link chooseRuntime} needs to know about the page. */
export interface RuntimeEnvironment {
  /** The page's query string, such as `?runtime=local`. */
  search: string
  /** `globalThis.crossOriginIsolated` of the page. */
  crossOriginIsolated: boolean
  /** Whether the browser has what a WebContainer needs (SharedArrayBuffer). */
  supportsWebContainer: boolean
  /**
   * `navigator.onLine`: false when the browser knows it has no network. A
   * WebContainer loads from StackBlitz's servers, so it cannot start then.
   */
  online: boolean
  /** Asks the page's origin for a local runtime; null when it has none. */
  probeLocal: () => Promise<LocalRuntimeOffer | null>
}

/** The outcome of {@link chooseRuntime}, with the reason in a sentence. */
export type RuntimeChoice =
  | { kind: 'local'; reason: string; offer: LocalRuntimeOffer | null }
  | { kind: 'webcontainer'; reason: string }
  | { kind: 'unavailable'; reason: string }

const RUN_LOCALLY =
  'To run it, clone the docs and run “npm install && npm run dev”, then open the page it prints.'

/**
 * Picks where examples run, in order: an explicit `?runtime=local|webcontainer`
 * query; the local runtime when the page's origin offers one; a WebContainer
 * when the page is cross-origin isolated, the browser supports it and is
 * online; otherwise "unavailable" with a sentence saying why and how to run
 * locally.
 */
export async function chooseRuntime(
  env: RuntimeEnvironment,
): Promise<RuntimeChoice> {
  const asked = new URLSearchParams(env.search).get('runtime')
  if (asked === 'local') {
    return {
      kind: 'local',
      reason: 'The page asked for the local runtime with ?runtime=local.',
      offer: null,
    }
  }
  if (asked === 'webcontainer') {
    return {
      kind: 'webcontainer',
      reason: 'The page asked for a WebContainer with ?runtime=webcontainer.',
    }
  }

  const offer = await env.probeLocal().catch(() => null)
  if (offer) {
    return {
      kind: 'local',
      reason: 'This server runs examples itself (local runtime).',
      offer,
    }
  }

  // Isolation first: Chromium hides SharedArrayBuffer on a page that is not
  // isolated, and there the host's missing headers are what to fix.
  if (!env.crossOriginIsolated) {
    return {
      kind: 'unavailable',
      reason: `The example cannot run here: this page is not cross-origin isolated (the server sends no COOP/COEP headers), which a WebContainer needs. ${RUN_LOCALLY}`,
    }
  }
  if (!env.supportsWebContainer) {
    return {
      kind: 'unavailable',
      reason: `This browser cannot run the example in the page: it lacks SharedArrayBuffer, which a WebContainer needs. ${RUN_LOCALLY}`,
    }
  }
  if (!env.online) {
    return {
      kind: 'unavailable',
      reason: `The example cannot run here while the browser is offline: a WebContainer needs a connection to load. ${RUN_LOCALLY}`,
    }
  }
  return {
    kind: 'webcontainer',
    reason: 'This browser can run examples in a WebContainer.',
  }
}

/** Reads {@link RuntimeEnvironment} from the browser; call it in the browser only. */
export function browserRuntimeEnvironment(
  probeLocal: RuntimeEnvironment['probeLocal'],
): RuntimeEnvironment {
  return {
    search: location.search,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    supportsWebContainer:
      typeof SharedArrayBuffer !== 'undefined' &&
      typeof WebAssembly !== 'undefined' &&
      typeof Worker !== 'undefined',
    online: navigator.onLine,
    probeLocal,
  }
}

/** Names a runtime for the reader. */
export function runtimeLabel(kind: RuntimeKind): string {
  return kind === 'local' ? 'local runtime' : 'WebContainer'
}
