import { decode } from '@msgpack/msgpack'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SnapshotManifest } from '../../playground/snapshot/snapshot-manifest'
import { writeSnapshotAssets } from '../../scripts/build-snapshot'

/** A snapshot folder as @webcontainer/snapshot encodes it. */
interface SnapshotFolder {
  d: Record<string, SnapshotFolder | { f: { c: Uint8Array } }>
}

function entryAt(root: SnapshotFolder, path: string) {
  let node: SnapshotFolder | { f: { c: Uint8Array } } | undefined = root
  for (const name of path.split('/')) {
    node = node && 'd' in node ? node.d[name] : undefined
  }
  return node
}

describe('the snapshot assets written into a built site', () => {
  let outDir: string
  let manifest: SnapshotManifest

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'snapshot-assets-'))
    await writeSnapshotAssets(outDir)
    manifest = JSON.parse(
      await readFile(join(outDir, 'snapshots', 'manifest.json'), 'utf8'),
    )
  }, 120_000)

  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true })
  })

  it('names the file by its content hash and lists its sizes in the manifest', async () => {
    const entry = manifest['session-auth']
    const bytes = await readFile(join(outDir, entry?.file ?? 'missing'))
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8)

    expect(entry?.file).toBe(`snapshots/session-auth.${hash}.bin`)
    expect(entry?.bytes).toBe(bytes.byteLength)
    expect(entry?.gzipBytes).toBeLessThan(bytes.byteLength)
    expect(await readdir(join(outDir, 'snapshots'))).toHaveLength(2)
  })

  it('holds the app and what it loads, but not what a login never loads', async () => {
    const file = manifest['session-auth']?.file ?? 'missing'
    const root = decode(await readFile(join(outDir, file))) as SnapshotFolder

    for (const path of [
      'app.js',
      'config/session.js',
      'views/pages/login.ejs',
      'node_modules/sails/package.json',
      'node_modules/sails/lib/app/index.js',
      'node_modules/@sailshq/connect-redis/package.json',
    ]) {
      expect(entryAt(root, path), path).toHaveProperty('f')
    }
    expect(entryAt(root, 'node_modules/stripe')).toBeUndefined()
    expect(entryAt(root, 'package-lock.json')).toBeUndefined()
    expect(entryAt(root, '.tmp')).toBeUndefined()
  })
})
