import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FileTree } from '../container/types'

/** Names never put into an example's tree. */
export const EXCLUDED_NAMES = new Set([
  'node_modules',
  '.tmp',
  'package-lock.json',
  '.git',
  '.DS_Store',
])

/**
 * Reads a folder into a {@link FileTree} of its text files, in a stable
 * order. Binary files (a NUL byte in the first 8 KB, or not UTF-8) are left
 * out: the tree is shipped to the page as JSON. Returns the paths it read, so
 * a dev server can watch them.
 */
export async function buildFileTree(
  folder: string,
): Promise<{ tree: FileTree; files: string[] }> {
  const files: string[] = []
  const tree = await readFolder(folder, files)
  return { tree, files }
}

async function readFolder(folder: string, files: string[]): Promise<FileTree> {
  const tree: FileTree = {}
  const entries = await readdir(folder, { withFileTypes: true })
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const entry of entries) {
    if (EXCLUDED_NAMES.has(entry.name)) continue
    const path = join(folder, entry.name)
    if (entry.isDirectory()) {
      tree[entry.name] = { directory: await readFolder(path, files) }
    } else if (entry.isFile()) {
      const text = asText(await readFile(path))
      if (text === null) continue
      tree[entry.name] = { file: { contents: text } }
      files.push(path)
    }
  }
  return tree
}

function asText(bytes: Buffer): string | null {
  if (bytes.subarray(0, 8192).includes(0)) return null
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}
