import type { FileTree } from '../container/types'

/** A folder entry of `@webcontainer/snapshot`'s format. */
interface SnapshotFolder {
  [name: string]: { d: SnapshotFolder } | { f: { c?: Uint8Array } }
}

/**
 * Reads a snapshot built by `@webcontainer/snapshot` (MessagePack of
 * `{ d: { name: { d: … } | { f: { c: bytes } } } }`) as a {@link FileTree}.
 * A WebContainer mounts the bytes itself; the local runtime mounts the tree.
 * The decoder is imported on first use, so only a page that mounts a
 * snapshot somewhere other than a WebContainer loads it.
 */
export async function snapshotToFileTree(
  snapshot: ArrayBuffer | Uint8Array,
): Promise<FileTree> {
  const { decode } = await import('@msgpack/msgpack')
  const root = decode(snapshot) as { d?: SnapshotFolder } | null
  if (!root || typeof root !== 'object' || !root.d) {
    throw new Error(
      'The snapshot is not in the @webcontainer/snapshot format (no root folder); build it again with npm run build.',
    )
  }
  return toTree(root.d)
}

function toTree(folder: SnapshotFolder): FileTree {
  const tree: FileTree = {}
  for (const [name, entry] of Object.entries(folder)) {
    tree[name] =
      'd' in entry
        ? { directory: toTree(entry.d) }
        : { file: { contents: entry.f.c ?? new Uint8Array() } }
  }
  return tree
}
