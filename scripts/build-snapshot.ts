/**
 * Writes the examples' WebContainer snapshots into a built site:
 * `snapshots/<example>.<hash>.bin` and `snapshots/manifest.json`.
 *
 *   npx tsx scripts/build-snapshot.ts [outDir]   (default .vitepress/dist)
 *
 * The VitePress `buildEnd` hook calls `writeSnapshotAssets(outDir)`.
 */
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { buildExampleSnapshot } from '../playground/snapshot/build-snapshot'
import {
  SNAPSHOT_MANIFEST_PATH,
  type SnapshotManifest,
} from '../playground/snapshot/snapshot-manifest'

/** The examples whose snapshots the site serves. */
export const SNAPSHOT_EXAMPLES = ['session-auth'] as const

/** What one example's snapshot came to, for the build log. */
export interface SnapshotReport {
  example: string
  file: string
  files: number
  rawBytes: number
  bytes: number
  gzipBytes: number
  brotliBytes: number
  ms: number
}

/**
 * Builds (or takes from the cache) each example's snapshot and writes it
 * with the manifest under `<outDir>/snapshots/`. Returns what it wrote.
 */
export async function writeSnapshotAssets(
  outDir: string,
  options: { log?: (line: string) => void } = {},
): Promise<SnapshotReport[]> {
  const log = options.log ?? (() => {})
  const manifest: SnapshotManifest = {}
  const reports: SnapshotReport[] = []
  await mkdir(join(outDir, 'snapshots'), { recursive: true })

  for (const example of SNAPSHOT_EXAMPLES) {
    const started = Date.now()
    const built = await buildExampleSnapshot({ example })
    const hash = createHash('sha256').update(built.bytes).digest('hex')
    const file = `snapshots/${example}.${hash.slice(0, 8)}.bin`
    await writeFile(join(outDir, file), built.bytes)

    const gzipBytes = gzipSync(built.bytes, { level: 9 }).byteLength
    const brotliBytes = brotliCompressSync(built.bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 9 },
    }).byteLength
    manifest[example] = { file, bytes: built.bytes.byteLength, gzipBytes }
    const report = {
      example,
      file,
      files: built.files,
      rawBytes: built.rawBytes,
      bytes: built.bytes.byteLength,
      gzipBytes,
      brotliBytes,
      ms: Date.now() - started,
    }
    reports.push(report)
    log(describe(report))
  }

  await writeFile(
    join(outDir, SNAPSHOT_MANIFEST_PATH),
    `${JSON.stringify(manifest, null, 2)}\n`,
  )
  return reports
}

function describe(report: SnapshotReport): string {
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`
  return (
    `${report.file}: ${report.files} files, ${mb(report.rawBytes)} raw; ` +
    `snapshot ${mb(report.bytes)}, gzip ${mb(report.gzipBytes)}, ` +
    `brotli ${mb(report.brotliBytes)} (${report.ms} ms)`
  )
}

// Run from the command line, not when the VitePress config imports it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = resolve(process.argv[2] ?? '.vitepress/dist')
  writeSnapshotAssets(outDir, { log: console.log }).catch((error: Error) => {
    console.error(error.message)
    process.exitCode = 1
  })
}
