import { decode, encode } from '@msgpack/msgpack'
import { snapshot } from '@webcontainer/snapshot'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writePrunedExample } from './pruned-example'
import {
  readCachedSnapshot,
  snapshotInputsHash,
  writeCachedSnapshot,
  type BuiltSnapshot,
} from './snapshot-cache'
import { traceLoadedFiles } from './trace-loaded-files'

export type { BuiltSnapshot } from './snapshot-cache'

/** Which example to pack, and where the repository and the cache are. */
export interface BuildSnapshotOptions {
  /** A folder name under `examples/`, e.g. `session-auth`. */
  example: string
  /** The repository root. Default: the one this file belongs to. */
  rootDir?: string
  /**
   * Where built snapshots are kept between builds, keyed by a hash of their
   * inputs; `false` builds afresh and caches nothing.
   * @default '<rootDir>/node_modules/.cache/boring-playground'
   */
  cacheDir?: string | false
}

const defaultRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Builds the `@webcontainer/snapshot` of an example for
 * `webcontainer.mount()`: the example's own files plus a `node_modules`
 * pruned to what a lift, a login and a switch to Redis load, so the browser
 * needs no `npm install`. A cached snapshot is returned when neither the
 * lockfile, the example nor this code changed.
 */
export async function buildExampleSnapshot(
  options: BuildSnapshotOptions,
): Promise<BuiltSnapshot> {
  const rootDir = options.rootDir ?? defaultRoot
  const appDir = join(rootDir, 'examples', options.example)
  const cacheDir =
    options.cacheDir ??
    join(rootDir, 'node_modules', '.cache', 'boring-playground')

  let key = ''
  if (cacheDir) {
    const hash = await snapshotInputsHash(rootDir, appDir)
    key = `${options.example}-${hash.slice(0, 16)}`
    const cached = await readCachedSnapshot(cacheDir, key)
    if (cached) return cached
  }

  const outDir = await mkdtemp(join(tmpdir(), `boring-${options.example}-`))
  try {
    const traced = await traceLoadedFiles({ appDir })
    const pruned = await writePrunedExample({ appDir, outDir, traced })
    const built: BuiltSnapshot = { bytes: await packFolder(outDir), ...pruned }
    if (cacheDir) await writeCachedSnapshot(cacheDir, key, built)
    return built
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}

/**
 * Packs a folder with @webcontainer/snapshot, with its entries sorted.
 * The package lists each folder's entries in the order the file system
 * answers, so two packs of the same files differ; sorted, the bytes (and the
 * content hash in the served file's name) depend on the files alone.
 */
async function packFolder(folder: string): Promise<Uint8Array> {
  return encode(decode(await snapshot(folder)), { sortKeys: true })
}
