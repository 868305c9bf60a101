import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/**
 * The paths of every page under `srcDir`, as clean URLs: `boring-stack/
 * session.md` becomes `/boring-stack/session`, `index.md` becomes `/`.
 * Links to these stay on the site; links to any other Boring Stack page go
 * to the Boring Stack docs.
 */
export function findHostedPages(srcDir: string): Set<string> {
  const pages = new Set<string>()
  for (const file of walk(srcDir)) {
    if (!file.endsWith('.md')) continue
    const path = '/' + relative(srcDir, file).split(sep).join('/')
    pages.add(path.replace(/(^|\/)index\.md$/, '$1').replace(/\.md$/, ''))
  }
  return pages
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'public' || entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(path)
    else yield path
  }
}
