/**
 * The Container contract: the part of `@webcontainer/api`'s surface the
 * product needs. Shapes mirror that API so the WebContainer adapter stays a
 * thin delegation and the local runtime can stand in for it everywhere.
 */

/** A file in a {@link FileTree}; mirrors `FileNode` of `@webcontainer/api`. */
export interface FileNode {
  file: { contents: string | Uint8Array }
}

/** A folder in a {@link FileTree}; mirrors `DirectoryNode`. */
export interface DirectoryNode {
  directory: FileTree
}

/** Files to mount, by name; mirrors `FileSystemTree` of `@webcontainer/api`. */
export interface FileTree {
  [name: string]: FileNode | DirectoryNode
}

/** Options of {@link Container.spawn}. */
export interface SpawnOptions {
  /** Extra environment variables for the process. */
  env?: Record<string, string>
  /** Working folder, relative to the container's root. */
  cwd?: string
}

/** A running process; mirrors `WebContainerProcess`. */
export interface ContainerProcess {
  /** Everything the process writes, stdout and stderr together. */
  output: ReadableStream<string>
  /** Resolves with the exit code once the process has ended. */
  exit: Promise<number>
  /** Text written here reaches the process' standard input. */
  input: WritableStream<string>
  /** Ends the process and everything it started. */
  kill(): void
}

/** What {@link ContainerFileSystem.watch} returns. */
export interface ContainerWatcher {
  close(): void
}

/** Called when something changes under a watched path. */
export type WatchListener = (
  event: 'rename' | 'change',
  filename: string,
) => void

/** File system of a container; paths are relative to its root. */
export interface ContainerFileSystem {
  readFile(path: string, encoding: 'utf-8'): Promise<string>
  readFile(path: string): Promise<Uint8Array>
  writeFile(path: string, contents: string | Uint8Array): Promise<void>
  readdir(path: string): Promise<string[]>
  mkdir(path: string, options?: { recursive?: boolean }): Promise<void>
  rm(
    path: string,
    options?: { recursive?: boolean; force?: boolean },
  ): Promise<void>
  watch(path: string, listener: WatchListener): ContainerWatcher
}

/** Listener signatures of the container's events, by event name. */
export interface ContainerEventMap {
  /** A server in the container listens and answers at `url`. */
  'server-ready': (port: number, url: string) => void
  /** A port was opened or closed by a process in the container. */
  port: (port: number, type: 'open' | 'close', url: string) => void
  /** The runtime hit a problem not tied to one call. */
  error: (error: { message: string }) => void
}

/** Removes the listener it was returned for. */
export type Unsubscribe = () => void

/** Where examples run: a WebContainer or the local runtime. */
export interface Container {
  /**
   * Writes files into the container's root: a tree, or a snapshot as
   * `@webcontainer/snapshot` builds it (the files and their node_modules in
   * one binary). Files already there and not in the tree stay.
   */
  mount(tree: FileTree | ArrayBuffer): Promise<void>
  /** Starts `command` with `args`; only `node` and `npm` are promised. */
  spawn(
    command: string,
    args: string[],
    options?: SpawnOptions,
  ): Promise<ContainerProcess>
  fs: ContainerFileSystem
  on<K extends keyof ContainerEventMap>(
    event: K,
    listener: ContainerEventMap[K],
  ): Unsubscribe
  /** Ends every process, removes every listener and releases the runtime. */
  teardown(): Promise<void>
}

/** Which implementation of {@link Container} runs an example. */
export type RuntimeKind = 'local' | 'webcontainer'
