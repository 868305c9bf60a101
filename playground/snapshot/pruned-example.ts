import { existsSync } from 'node:fs'
import { copyFile, mkdir, readdir, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import type { TracedFile } from './trace-loaded-files'

/** Folders and files of the example that never go into its snapshot. */
const EXCLUDED = new Set(['node_modules', '.tmp', 'package-lock.json'])

/** How big the pruned folder came out. */
export interface PrunedExample {
  files: number
  rawBytes: number
}

/**
 * Writes the example into `outDir` as the browser container will see it:
 * every file of the app itself (what readers read and edit), and a
 * `node_modules` holding only the traced files plus each `package.json`
 * between a traced file and `node_modules` (Node reads those to resolve
 * `main`, `exports` and `type`). Everything is a real file: a snapshot
 * cannot hold symlinks.
 */
export async function writePrunedExample(options: {
  appDir: string
  outDir: string
  traced: TracedFile[]
}): Promise<PrunedExample> {
  const copies = new Map<string, string>()
  for (const appPath of await listAppFiles(options.appDir)) {
    copies.set(appPath, join(options.appDir, appPath))
  }
  for (const file of options.traced) {
    copies.set(file.appPath, file.realPath)
    if (file.appPath.startsWith('node_modules/')) {
      addPackageJsonsOnTheWay(file, copies)
    }
  }

  let rawBytes = 0
  for (const [appPath, source] of copies) {
    const target = join(options.outDir, appPath)
    await mkdir(dirname(target), { recursive: true })
    await copyFile(source, target)
    rawBytes += (await stat(target)).size
  }
  return { files: copies.size, rawBytes }
}

function addPackageJsonsOnTheWay(
  file: TracedFile,
  copies: Map<string, string>,
) {
  let appDir = dirname(file.appPath)
  let realDir = dirname(file.realPath)
  while (appDir !== 'node_modules' && appDir !== '.') {
    const packageJson = join(realDir, 'package.json')
    if (existsSync(packageJson)) {
      copies.set(`${appDir}/package.json`, packageJson)
    }
    appDir = dirname(appDir)
    realDir = dirname(realDir)
  }
}

/**
 * The example's own files, relative and with `/`, sorted: everything but its
 * `node_modules`, `.tmp` and `package-lock.json`.
 */
export async function listAppFiles(
  appDir: string,
  prefix = '',
): Promise<string[]> {
  const files: string[] = []
  const entries = await readdir(join(appDir, prefix), { withFileTypes: true })
  for (const entry of entries) {
    if (prefix === '' && EXCLUDED.has(entry.name)) continue
    const appPath = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory())
      files.push(...(await listAppFiles(appDir, appPath)))
    else if (entry.isFile()) files.push(appPath)
  }
  return files.sort()
}
