/**
 * `snapshots/manifest.json` in the built site: for each example, the file
 * that holds its snapshot (the name carries a hash of its content, so it can
 * be cached for good) and its size. Shared by the build, which writes it,
 * and the page, which reads it.
 */
export type SnapshotManifest = Record<string, SnapshotManifestEntry>

/** One example's snapshot in the built site. */
export interface SnapshotManifestEntry {
  /** Relative to the site's base: `snapshots/session-auth.1a2b3c4d.bin`. */
  file: string
  /** Size of the file as served. */
  bytes: number
  /** Size after gzip at level 9, what a host that compresses sends. */
  gzipBytes: number
}

/** Where the manifest sits, relative to the site's base. */
export const SNAPSHOT_MANIFEST_PATH = 'snapshots/manifest.json'
