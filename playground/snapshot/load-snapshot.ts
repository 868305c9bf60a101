import {
  SNAPSHOT_MANIFEST_PATH,
  type SnapshotManifest,
} from './snapshot-manifest'

/** Where the site lives and how to fetch from it. */
export interface LoadSnapshotOptions {
  /** The site's base path, as VitePress's `site.base`: `/` or `/repo/`. */
  base: string
  /** Cancels both downloads. */
  signal?: AbortSignal
  /** Replaces the global `fetch`, for tests. */
  fetch?: typeof fetch
}

/**
 * Downloads an example's prebuilt file-system snapshot from the built site,
 * ready for `webcontainer.mount(buffer)`: first `snapshots/manifest.json`
 * under `base`, then the file it names. Rejects with a sentence that says
 * what was missing and what to do; an abort rejects with the signal's reason.
 */
export async function loadExampleSnapshot(
  example: string,
  options: LoadSnapshotOptions,
): Promise<ArrayBuffer> {
  const get = options.fetch ?? globalThis.fetch.bind(globalThis)
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`
  const manifestUrl = `${base}${SNAPSHOT_MANIFEST_PATH}`

  // The manifest changes with every build; the files it names never do.
  const manifestResponse = await download(get, manifestUrl, {
    cache: 'no-cache',
    signal: options.signal,
  })
  const manifest = (await manifestResponse.json()) as SnapshotManifest
  const entry = manifest[example]
  if (!entry) {
    const known = Object.keys(manifest).join(', ') || 'none'
    throw new Error(
      `The snapshot manifest at ${manifestUrl} has no example ` +
        `"${example}" (it lists: ${known}). Rebuild the site with ` +
        '`npm run build` so it includes this example.',
    )
  }

  const fileUrl = `${base}${entry.file}`
  const response = await download(get, fileUrl, { signal: options.signal })
  const buffer = await response.arrayBuffer()
  if (buffer.byteLength !== entry.bytes) {
    throw new Error(
      `The snapshot at ${fileUrl} arrived with ${buffer.byteLength} bytes ` +
        `instead of ${entry.bytes}. Reload the page to download it again.`,
    )
  }
  return buffer
}

async function download(
  get: typeof fetch,
  url: string,
  init: RequestInit,
): Promise<Response> {
  let response: Response
  try {
    response = await get(url, init)
  } catch (error) {
    if (init.signal?.aborted) throw init.signal.reason
    throw new Error(
      `Could not download ${url}: ${(error as Error).message}. Check the ` +
        'network connection and reload the page.',
    )
  }
  if (!response.ok) {
    throw new Error(
      `Could not download ${url}: the site answered ${response.status}. ` +
        'The example snapshot is written by `npm run build`; deploy the ' +
        'whole build output, snapshots/ included.',
    )
  }
  return response
}
