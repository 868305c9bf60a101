/**
 * The yardstick for the Session page's JavaScript: the same page as a plain
 * VitePress site with the same nav, sidebar and search, default theme, no
 * live parts. Used by bench-playground.ts.
 */
import { execFile } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import {
  startStaticServer,
  type StaticServer,
} from '../playground/local/static-files'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
// Inside the repository's node_modules so the build resolves `vitepress`.
const SITE_DIR = join(ROOT, 'node_modules/.cache/bench-plain-site')

/**
 * The markdown of a page without what only this site's theme understands:
 * the `<SessionPlayground>` tag, the `live` flag on fences and the
 * `example:` frontmatter line.
 */
export function withoutLiveParts(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^\s*<SessionPlayground\b.*\/>\s*$/.test(line))
    .filter((line) => !/^example:/.test(line))
    .map((line) => line.replace(/^(\s*`{3,}.*?)\s+live(?=\s|$)/, '$1'))
    .join('\n')
}

/**
 * Builds a one-page VitePress site from `page` (a path under `docs/`, such as
 * `boring-stack/session.md`) with `npx vitepress build`, and returns the
 * folder it built into. Rebuilt from scratch on every call.
 */
export async function buildPlainSite(
  page: string,
  timeoutMs: number,
): Promise<string> {
  await rm(SITE_DIR, { recursive: true, force: true })
  const target = join(SITE_DIR, page)
  await mkdir(join(target, '..'), { recursive: true })
  await mkdir(join(SITE_DIR, '.vitepress'), { recursive: true })

  const markdown = await readFile(join(ROOT, 'docs', page), 'utf8')
  await writeFile(target, withoutLiveParts(markdown))
  await writeFile(join(SITE_DIR, '.vitepress/config.ts'), plainConfig())

  try {
    await promisify(execFile)('npx', ['vitepress', 'build', SITE_DIR], {
      cwd: ROOT,
      timeout: timeoutMs,
      maxBuffer: 16 * 1024 * 1024,
    })
  } catch (error) {
    const { stdout, stderr, message } = error as Error & {
      stdout?: string
      stderr?: string
    }
    throw new Error(
      `The plain VitePress site in ${SITE_DIR} did not build ` +
        `(within ${timeoutMs / 1000} s): ${message}\n${stdout ?? ''}${stderr ?? ''}`,
    )
  }
  return join(SITE_DIR, '.vitepress/dist')
}

/**
 * The site's own config (title, nav, sidebar, local search, edit link) with
 * nothing of the playground, so the comparison counts the live parts only.
 */
function plainConfig(): string {
  const sidebar = JSON.stringify(join(ROOT, '.vitepress/boring-stack-sidebar'))
  return `import { boringStackNav, boringStackSidebar } from ${sidebar}
const hosted = new Set(['/', '/boring-stack/session'])
export default {
  title: 'The Boring JavaScript Stack',
  cleanUrls: true,
  themeConfig: {
    search: { provider: 'local' },
    nav: [boringStackNav(hosted)],
    sidebar: { '/boring-stack/': boringStackSidebar(hosted) },
    editLink: { pattern: 'https://example.com/:path', text: 'Edit this page' },
  },
}
`
}

/** Serves a built VitePress site at `/` on a free loopback port. */
export function serveFolder(root: string): Promise<StaticServer> {
  return startStaticServer({ root })
}
