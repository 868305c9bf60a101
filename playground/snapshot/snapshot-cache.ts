import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import {
  mkdir,
  readFile,
  readdir,
  rename,
  rm,
  writeFile,
} from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { listAppFiles } from './pruned-example'

/** A built snapshot and the size of the folder it was made from. */
export interface BuiltSnapshot {
  bytes: Uint8Array
  /** Files in the pruned folder. */
  files: number
  /** Bytes of those files before the snapshot packs them. */
  rawBytes: number
}

const snapshotSources = fileURLToPath(new URL('.', import.meta.url))

/**
 * A hash of everything a snapshot is built from: the installed dependency
 * tree (as `package-lock.json` pins it), every file of the example, and the
 * code that traces and packs it. Equal hashes mean an equal snapshot.
 */
export async function snapshotInputsHash(
  rootDir: string,
  appDir: string,
): Promise<string> {
  const hash = createHash('sha256')
  const add = async (label: string, file: string) => {
    hash.update(`${label}\0`)
    if (existsSync(file)) hash.update(await readFile(file))
    hash.update('\0')
  }

  await add('lock', join(rootDir, 'package-lock.json'))
  for (const file of await listAppFiles(appDir)) {
    await add(`app:${file}`, join(appDir, file))
  }
  for (const file of (await readdir(snapshotSources)).sort()) {
    if (file.endsWith('.ts')) {
      await add(`code:${file}`, join(snapshotSources, file))
    }
  }
  hash.update(process.version.split('.')[0] ?? '')
  return hash.digest('hex')
}

/** Reads a snapshot cached under `key`, or undefined when there is none. */
export async function readCachedSnapshot(
  cacheDir: string,
  key: string,
): Promise<BuiltSnapshot | undefined> {
  const base = join(cacheDir, key)
  if (!existsSync(`${base}.json`) || !existsSync(`${base}.bin`)) return
  const meta = JSON.parse(await readFile(`${base}.json`, 'utf8'))
  const bytes = new Uint8Array(await readFile(`${base}.bin`))
  return { bytes, files: meta.files, rawBytes: meta.rawBytes }
}

/**
 * Caches a snapshot under `key` and drops older entries of the same example
 * (keys are `<example>-<hash>`). Each file is written aside and renamed into
 * place, the metadata last, so a build cut short never leaves an entry that
 * reads as complete.
 */
export async function writeCachedSnapshot(
  cacheDir: string,
  key: string,
  built: BuiltSnapshot,
): Promise<void> {
  const example = key.slice(0, key.lastIndexOf('-') + 1)
  for (const name of existsSync(cacheDir) ? await readdir(cacheDir) : []) {
    if (name.startsWith(example) && !name.startsWith(`${key}.`)) {
      await rm(join(cacheDir, name), { force: true })
    }
  }

  await mkdir(cacheDir, { recursive: true })
  const base = join(cacheDir, key)
  const meta = JSON.stringify({ files: built.files, rawBytes: built.rawBytes })
  await writeFile(`${base}.bin.partial`, built.bytes)
  await rename(`${base}.bin.partial`, `${base}.bin`)
  await writeFile(`${base}.json.partial`, meta)
  await rename(`${base}.json.partial`, `${base}.json`)
}
