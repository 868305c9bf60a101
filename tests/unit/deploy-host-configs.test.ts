import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  headersFileText,
  netlifyToml,
  vercelJson,
  vercelJsonText,
  writeStaticHostFiles,
} from '../../playground/deploy/host-configs'
import { normalizeBase } from '../../playground/deploy/site-base'
import { crossOriginIsolationHeaders } from '../../playground/headers'

const root = new URL('../../', import.meta.url)

/** The `_headers` file as path → header name → value. */
function parseHeadersFile(text: string) {
  const rules = new Map<string, Record<string, string>>()
  let current: Record<string, string> | undefined
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue
    if (!line.startsWith(' ')) {
      current = {}
      rules.set(line, current)
    } else if (current) {
      const [name = '', ...value] = line.trim().split(': ')
      current[name] = value.join(': ')
    }
  }
  return rules
}

describe('the committed host configs', () => {
  it('netlify.toml is exactly what playground/headers.ts generates', async () => {
    const committed = await readFile(new URL('netlify.toml', root), 'utf8')
    expect(committed).toBe(netlifyToml())
  })

  it('vercel.json is exactly what playground/headers.ts generates', async () => {
    const committed = await readFile(new URL('vercel.json', root), 'utf8')
    expect(committed).toBe(vercelJsonText())
  })
})

describe('the _headers file', () => {
  it('sends exactly the headers of playground/headers.ts on every path', () => {
    const rules = parseHeadersFile(headersFileText('/'))
    expect([...rules.keys()]).toEqual(['/*'])
    expect(rules.get('/*')).toEqual(crossOriginIsolationHeaders)
  })

  it('caches each hashed snapshot for a year under the base path', () => {
    const rules = parseHeadersFile(
      headersFileText('/repo/', ['snapshots/session-auth.1a2b3c4d.bin']),
    )
    expect(rules.get('/repo/*')).toEqual(crossOriginIsolationHeaders)
    expect(rules.get('/repo/snapshots/session-auth.1a2b3c4d.bin')).toEqual({
      'Cache-Control': 'public, max-age=31536000, immutable',
    })
  })
})

describe('the generated configs under a base path', () => {
  it('netlify.toml applies the headers under the base', () => {
    expect(netlifyToml('/repo')).toContain('for = "/repo/*"')
  })

  it('vercel.json matches paths under the base only', () => {
    const sources = vercelJson('/repo/').headers.map((rule) => rule.source)
    expect(sources).toEqual(['/repo/(.*)', '/repo/snapshots/(.*)\\.bin'])
  })

  it('vercel.json keeps the URLs VitePress writes with cleanUrls', () => {
    expect(vercelJson()).toMatchObject({
      buildCommand: 'npm run build',
      outputDirectory: '.vitepress/dist',
      cleanUrls: true,
    })
  })

  it('refuses a base that is not a path, saying what to use', () => {
    expect(() => normalizeBase('repo/')).toThrow(
      'The site base "repo/" is not a path: use "/" or a folder such as "/repo/"',
    )
  })
})

describe('writing the static host files into a build', () => {
  let outDir: string | undefined

  afterEach(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true })
    outDir = undefined
  })

  it('writes _headers for the snapshots it finds and the service worker', async () => {
    outDir = await mkdtemp(join(tmpdir(), 'deploy-host-files-'))
    await mkdir(join(outDir, 'snapshots'))
    await writeFile(join(outDir, 'snapshots', 'session-auth.0f0f0f0f.bin'), '')
    await writeFile(join(outDir, 'snapshots', 'manifest.json'), '{}')

    await writeStaticHostFiles(outDir, '/repo/')

    const rules = parseHeadersFile(
      await readFile(join(outDir, '_headers'), 'utf8'),
    )
    expect([...rules.keys()]).toEqual([
      '/repo/*',
      '/repo/snapshots/session-auth.0f0f0f0f.bin',
    ])
    const worker = createRequire(import.meta.url).resolve(
      'coi-serviceworker/coi-serviceworker.min.js',
    )
    expect(await readFile(join(outDir, 'coi-serviceworker.js'))).toEqual(
      await readFile(worker),
    )
  })
})
