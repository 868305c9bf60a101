import type {
  BootOptions,
  ErrorListener,
  FileSystemTree,
  IFSWatcher,
  PortListener,
  ServerReadyListener,
  SpawnOptions,
  Unsubscribe,
  WebContainer,
  WebContainerProcess,
} from '@webcontainer/api'

/**
 * The part of `@webcontainer/api`'s `WebContainer` the adapter uses, in the
 * API's own types. Narrower than the class so a test fake can provide it;
 * {@link SurfaceOfTheRealApi} proves the real class still fits.
 */
export interface WebContainerSurface {
  mount(tree: FileSystemTree | ArrayBuffer): Promise<void>
  spawn(
    command: string,
    args: string[],
    options?: SpawnOptions,
  ): Promise<WebContainerProcess>
  on(event: 'server-ready', listener: ServerReadyListener): Unsubscribe
  on(event: 'port', listener: PortListener): Unsubscribe
  on(event: 'error', listener: ErrorListener): Unsubscribe
  fs: {
    readFile(path: string, encoding: 'utf-8'): Promise<string>
    readFile(path: string): Promise<Uint8Array>
    writeFile(path: string, data: string | Uint8Array): Promise<void>
    readdir(path: string): Promise<string[]>
    mkdir(path: string, options?: { recursive?: boolean }): Promise<unknown>
    rm(
      path: string,
      options?: { force?: boolean; recursive?: boolean },
    ): Promise<void>
    watch(
      path: string,
      listener: (
        event: 'rename' | 'change',
        filename: string | Uint8Array,
      ) => void,
    ): IFSWatcher
  }
  teardown(): void
}

/** What boots a {@link WebContainerSurface}: `WebContainer` itself, or a fake. */
export interface WebContainerBooter {
  boot(options: BootOptions): Promise<WebContainerSurface>
}

/** Fails to compile if `@webcontainer/api` drifts away from the surface. */
export type SurfaceOfTheRealApi = WebContainer extends WebContainerSurface
  ? typeof WebContainer extends WebContainerBooter
    ? true
    : never
  : never
const surfaceFits: SurfaceOfTheRealApi = true
void surfaceFits
