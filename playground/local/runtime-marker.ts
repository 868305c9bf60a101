/**
 * How a page learns that its server has the local runtime without asking
 * for it: servers with the runtime (the dev server and `npm run preview`)
 * send this `Server-Timing` entry with every response, and the page reads it
 * from its own navigation timing. Pages on a static host have no entry and
 * never send the request, which would only fail there and leave an error in
 * the browser console.
 */
export const LOCAL_RUNTIME_TIMING_NAME = 'boring-playground'

/** The header the servers send. */
export const localRuntimeMarkerHeader = {
  'Server-Timing': `${LOCAL_RUNTIME_TIMING_NAME};desc="local-runtime"`,
} as const

/** True when the page's own response said it has the local runtime. */
export function pageHasLocalRuntime(
  entries: readonly PerformanceEntry[] = performance.getEntriesByType(
    'navigation',
  ),
): boolean {
  return entries.some((entry) =>
    ((entry as PerformanceNavigationTiming).serverTiming ?? []).some(
      (timing) => timing.name === LOCAL_RUNTIME_TIMING_NAME,
    ),
  )
}
