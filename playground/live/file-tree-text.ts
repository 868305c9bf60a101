import type { FileTree } from '../container/types'

/** The text of the file at `path` in `tree`, or null when it has none. */
export function readText(tree: FileTree, path: string): string | null {
  const parts = path.split('/')
  let node: FileTree | undefined = tree
  for (const [index, part] of parts.entries()) {
    const entry: FileTree[string] | undefined = node?.[part]
    if (!entry) return null
    if (index === parts.length - 1) {
      if (!('file' in entry)) return null
      const contents = entry.file.contents
      return typeof contents === 'string'
        ? contents
        : new TextDecoder().decode(contents)
    }
    if (!('directory' in entry)) return null
    node = entry.directory
  }
  return null
}

/** A copy of `tree` with the file at `path` holding `text`. */
export function replaceText(
  tree: FileTree,
  path: string,
  text: string,
): FileTree {
  const [head, ...rest] = path.split('/')
  if (!head) return tree
  const entry = tree[head]
  if (rest.length === 0)
    return { ...tree, [head]: { file: { contents: text } } }
  const inner = entry && 'directory' in entry ? entry.directory : {}
  return {
    ...tree,
    [head]: { directory: replaceText(inner, rest.join('/'), text) },
  }
}
