import { resolve } from 'node:path'
import type { Plugin } from 'vite'
import { buildFileTree } from './build-file-tree'

const PREFIX = 'virtual:example/'
const RESOLVED = '\0' + PREFIX

/** Options of {@link exampleFiles}. */
export interface ExampleFilesOptions {
  /** Folder holding one folder per example. @default 'examples' */
  root?: string
}

/**
 * Serves `virtual:example/<name>`, whose default export is the FileTree of
 * `examples/<name>` (text files; no node_modules, .tmp or package-lock.json).
 * Import it dynamically on Run so the files land in their own lazy chunk.
 */
export function exampleFiles(options: ExampleFilesOptions = {}): Plugin {
  const root = resolve(options.root ?? 'examples')
  return {
    name: 'boring-playground:example-files',
    resolveId(id) {
      if (id.startsWith(PREFIX)) return '\0' + id
    },
    async load(id) {
      if (!id.startsWith(RESOLVED)) return
      const name = id.slice(RESOLVED.length)
      if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
        this.error(
          `"${PREFIX}${name}" does not name an example; use the name of a folder in ${root}, in lower case with dashes.`,
        )
      }
      const folder = resolve(root, name)
      const { tree, files } = await buildFileTree(folder).catch(
        (error: Error) =>
          this.error(
            `The example "${name}" could not be read from ${folder}: ${error.message}`,
          ),
      )
      for (const file of files) this.addWatchFile(file)
      return `export default ${JSON.stringify(tree)}`
    },
  }
}
