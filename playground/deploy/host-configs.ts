import { existsSync } from 'node:fs'
import { copyFile, readdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crossOriginIsolationHeaders } from '../headers'
import {
  COI_SERVICE_WORKER_FILE,
  COI_SERVICE_WORKER_SOURCE,
} from './coi-service-worker'
import { normalizeBase } from './site-base'

/** The build the hosts run, and the folder they publish. */
export const BUILD_COMMAND = 'npm run build'
export const PUBLISH_DIR = '.vitepress/dist'

/** Files whose name carries their content hash: cached for a year. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable'

const GENERATED_NOTE = [
  '# Generated in playground/deploy/host-configs.ts from',
  '# playground/headers.ts: change those, not this file.',
].join('\n')

/**
 * The `_headers` file Netlify and Cloudflare Pages read from the publish
 * folder: the cross-origin isolation headers on every path under `base`,
 * and a year-long cache on each file of `immutableFiles` (paths relative to
 * `base`, such as the hashed snapshots). Those are listed one by one because
 * Netlify matches `*` only as a whole path segment, never as `*.bin`.
 */
export function headersFileText(
  base: string,
  immutableFiles: readonly string[] = [],
): string {
  const root = normalizeBase(base)
  const blocks = [
    [`${root}*`, ...headerLines(crossOriginIsolationHeaders)],
    ...immutableFiles.map((file) => [
      `${root}${file}`,
      `  Cache-Control: ${IMMUTABLE_CACHE_CONTROL}`,
    ]),
  ]
  return `${GENERATED_NOTE}\n${blocks.map((b) => b.join('\n')).join('\n\n')}\n`
}

/**
 * `netlify.toml`: how Netlify builds the site and the cross-origin isolation
 * headers for every path under `base`. The cache rule for the snapshots
 * comes from the `_headers` file the build writes, which Netlify merges in.
 */
export function netlifyToml(base = '/'): string {
  const values = Object.entries(crossOriginIsolationHeaders).map(
    ([name, value]) => `    ${name} = ${JSON.stringify(value)}`,
  )
  return [
    GENERATED_NOTE,
    '[build]',
    `  command = ${JSON.stringify(BUILD_COMMAND)}`,
    `  publish = ${JSON.stringify(PUBLISH_DIR)}`,
    '',
    '[[headers]]',
    `  for = ${JSON.stringify(`${normalizeBase(base)}*`)}`,
    '  [headers.values]',
    ...values,
    '',
  ].join('\n')
}

/** The shape of the `vercel.json` this project writes. */
export interface VercelConfig {
  $schema: string
  buildCommand: string
  outputDirectory: string
  cleanUrls: boolean
  headers: { source: string; headers: { key: string; value: string }[] }[]
}

/**
 * `vercel.json`: the build, clean URLs as VitePress's `cleanUrls` writes
 * them, the isolation headers for every path under `base`, and a year-long
 * cache for the hashed snapshots (Vercel's `source` takes a pattern).
 */
export function vercelJson(base = '/'): VercelConfig {
  const root = normalizeBase(base)
  return {
    $schema: 'https://openapi.vercel.sh/vercel.json',
    buildCommand: BUILD_COMMAND,
    outputDirectory: PUBLISH_DIR,
    cleanUrls: true,
    headers: [
      {
        source: `${root}(.*)`,
        headers: Object.entries(crossOriginIsolationHeaders).map(
          ([key, value]) => ({ key, value }),
        ),
      },
      {
        source: `${root}snapshots/(.*)\\.bin`,
        headers: [{ key: 'Cache-Control', value: IMMUTABLE_CACHE_CONTROL }],
      },
    ],
  }
}

/** `vercel.json` as committed: two-space JSON with a final newline. */
export function vercelJsonText(base = '/'): string {
  return `${JSON.stringify(vercelJson(base), null, 2)}\n`
}

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Writes the committed `netlify.toml` and `vercel.json` at the repository
 * root (the site is served at `/` on both hosts). Run it after changing
 * `playground/headers.ts`; a unit test fails until the files match.
 */
export async function writeRootHostConfigs(
  rootDir = repositoryRoot,
): Promise<void> {
  await writeFile(join(rootDir, 'netlify.toml'), netlifyToml())
  await writeFile(join(rootDir, 'vercel.json'), vercelJsonText())
}

/**
 * Finishes a built site for static hosts: writes `_headers` (with a rule for
 * each snapshot in `<outDir>/snapshots`, so call it after the snapshots are
 * written) and copies coi-serviceworker to `<outDir>/coi-serviceworker.js`,
 * the file `coiHeadTags(base)` loads where no headers can be set.
 */
export async function writeStaticHostFiles(
  outDir: string,
  base: string,
): Promise<void> {
  const snapshots = join(outDir, 'snapshots')
  const immutable = existsSync(snapshots)
    ? (await readdir(snapshots))
        .filter((name) => name.endsWith('.bin'))
        .sort()
        .map((name) => `snapshots/${name}`)
    : []
  await writeFile(join(outDir, '_headers'), headersFileText(base, immutable))

  const require = createRequire(import.meta.url)
  await copyFile(
    require.resolve(COI_SERVICE_WORKER_SOURCE),
    join(outDir, COI_SERVICE_WORKER_FILE),
  )
}

function headerLines(headers: Record<string, string>): string[] {
  return Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)
}
