/**
 * Measures the Session page's playground in Chromium against the built site:
 * how long Run takes to show the app's login page, how long a login takes to
 * reach the Session state panel, and how much JavaScript the page loads
 * compared with the same page on a plain VitePress site. Prints figures; it
 * asserts nothing. Set BENCH_DEBUG=1 to list every script it counts.
 *
 *   npm run build && npx tsx scripts/bench-playground.ts
 */
import { existsSync, readFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Response,
} from 'playwright-core'
import { startPreviewServer } from '../playground/local/preview-server'
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../tests/support/chromium'
import { sandboxProcesses } from '../tests/support/sandbox-processes'
import { buildPlainSite, serveFolder } from './bench-plain-site'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(ROOT, '.vitepress/dist')
const RUNS = 5
const WAIT_MS = 60_000
const QUIET_MS = 1000
const PAGE = 'boring-stack/session'
const DEMO = { email: 'demo@example.com', password: 'boring-stack' }
const TARGET_KB = 10
const debug = process.env.BENCH_DEBUG === '1'

/** JavaScript bodies added up: what came over the wire, unpacked, gzipped. */
interface ScriptBytes {
  files: number
  transferred: number
  decoded: number
  gzip: number
}

interface ScriptEntry extends ScriptBytes {
  url: string
  inAppFrame: boolean
}

interface RunResult {
  runMs: number
  loginMs: number
  beforeRun: ScriptBytes
  afterLift: ScriptBytes
  appFrame: ScriptBytes
}

/**
 * Records the JavaScript a context loads: script requests, which in Chromium
 * include module preloads, and any other JavaScript response but prefetches,
 * which fetch pages the reader may open next. Bodies are read as they arrive,
 * since they are gone once the context closes.
 */
function recordScripts(context: BrowserContext) {
  const entries: Promise<ScriptEntry | null>[] = []
  let lastScriptAt = performance.now()
  context.on('response', (response) => {
    const entry = measure(response)
    entries.push(entry)
    void entry.then((found) => {
      if (found) lastScriptAt = performance.now()
    })
  })

  return {
    /** The scripts so far that pass `filter`, added up. */
    async total(filter: (entry: ScriptEntry) => boolean = () => true) {
      const settled = (await Promise.all([...entries])).filter(
        (entry): entry is ScriptEntry => entry !== null && filter(entry),
      )
      if (debug) {
        for (const { decoded, url } of settled) {
          console.log(`  ${decoded.toString().padStart(8)}  ${url}`)
        }
      }
      return sum(settled)
    },

    /**
     * Waits until no script has arrived for {@link QUIET_MS}, so chunks a
     * component imports after it mounts are counted; gives up after
     * {@link WAIT_MS} and counts what came.
     */
    async quiet() {
      const deadline = performance.now() + WAIT_MS
      while (performance.now() < deadline) {
        await Promise.all([...entries])
        if (performance.now() - lastScriptAt >= QUIET_MS) return
        await new Promise((done) => setTimeout(done, 100))
      }
    },
  }
}

async function isScript(response: Response): Promise<boolean> {
  const request = response.request()
  if (request.resourceType() === 'script') return true
  const headers = await request.allHeaders()
  return (
    headers['sec-purpose'] !== 'prefetch' &&
    /javascript/.test(response.headers()['content-type'] ?? '')
  )
}

async function measure(response: Response): Promise<ScriptEntry | null> {
  if (!(await isScript(response))) return null
  let body: Buffer
  try {
    body = await response.body()
  } catch {
    return null // a redirect, or a response the page dropped
  }
  const sizes = await response.request().sizes()
  let inAppFrame = false
  try {
    inAppFrame = response.frame().parentFrame() !== null
  } catch {
    // A worker's request has no frame; it belongs to whoever started it.
  }
  return {
    url: response.url(),
    inAppFrame,
    files: 1,
    transferred: sizes.responseBodySize,
    decoded: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
  }
}

function sum(entries: ScriptBytes[]): ScriptBytes {
  const total = { files: 0, transferred: 0, decoded: 0, gzip: 0 }
  for (const entry of entries) {
    total.files += entry.files
    total.transferred += entry.transferred
    total.decoded += entry.decoded
    total.gzip += entry.gzip
  }
  return total
}

/** Opens a page in a fresh context (empty cache) and waits for it to settle. */
async function openSettled(browser: Browser, url: string) {
  const context = await browser.newContext()
  context.setDefaultTimeout(WAIT_MS)
  const scripts = recordScripts(context)
  const page = await context.newPage()
  await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS })
  await page.waitForLoadState('networkidle', { timeout: WAIT_MS })
  return { context, page, scripts }
}

function app(page: Page) {
  return page.frameLocator('iframe[title="The example app"]')
}

async function measureRun(browser: Browser, siteUrl: string) {
  const { context, page, scripts } = await openSettled(
    browser,
    `${siteUrl}${PAGE}`,
  )
  try {
    // Run stays disabled until the page has chosen its runtime.
    const run = page.getByRole('button', { name: 'Run', disabled: false })
    await run.waitFor({ state: 'visible' })
    await scripts.quiet()
    const beforeRun = await scripts.total()

    const runStarted = performance.now()
    await run.click()
    await app(page).getByLabel('Email').waitFor({ state: 'visible' })
    const runMs = performance.now() - runStarted
    await scripts.quiet()
    const afterLift = await scripts.total((entry) => !entry.inAppFrame)
    const appFrame = await scripts.total((entry) => entry.inAppFrame)

    const frame = app(page)
    await frame.getByLabel('Email').fill(DEMO.email)
    await frame.getByLabel('Password').fill(DEMO.password)
    const loginStarted = performance.now()
    await frame.getByRole('button', { name: 'Log in' }).click()
    await page
      .getByRole('region', { name: 'Session state' })
      .getByTestId('record-user-id')
      .filter({ hasText: /^\s*1\s*$/ })
      .waitFor({ state: 'visible' })
    const loginMs = performance.now() - loginStarted

    return { runMs, loginMs, beforeRun, afterLift, appFrame }
  } finally {
    await context.close()
  }
}

/** Leaving the page ends its sandbox; the next run waits for a clean slate. */
async function sandboxesGone() {
  const deadline = performance.now() + WAIT_MS
  while (sandboxProcesses().length > 0) {
    if (performance.now() > deadline) {
      throw new Error(
        `Sandbox processes ${sandboxProcesses().join(', ')} were still ` +
          `running ${WAIT_MS / 1000} s after their page closed.`,
      )
    }
    await new Promise((done) => setTimeout(done, 100))
  }
}

async function plainPageScripts(browser: Browser) {
  const root = await buildPlainSite(`${PAGE}.md`, WAIT_MS)
  const server = await serveFolder(root)
  try {
    const { context, scripts } = await openSettled(
      browser,
      `${server.url}${PAGE}.html`,
    )
    try {
      await scripts.quiet()
      return await scripts.total()
    } finally {
      await context.close()
    }
  } finally {
    await server.close()
  }
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  }
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`
const ms = (value: number) => `${Math.round(value)} ms`

/** Left-aligns the first column and right-aligns the others. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) =>
    Math.max(...rows.map((row) => row[i]!.length)),
  )
  return rows
    .map((row) =>
      row
        .map((cell, i) =>
          i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!),
        )
        .join('   ')
        .trimEnd(),
    )
    .join('\n')
}

function bytesRow(label: string, bytes: ScriptBytes): string[] {
  return [
    label,
    String(bytes.files),
    kb(bytes.transferred),
    kb(bytes.decoded),
    kb(bytes.gzip),
  ]
}

if (!existsSync(join(DIST, `${PAGE}.html`))) {
  console.error('Build the site first: npm run build')
  process.exit(1)
}

const server = await startPreviewServer({ port: 0, root: DIST })
const browser = await chromium.launch({
  executablePath: CHROMIUM_EXECUTABLE,
  args: CHROMIUM_ARGS,
  headless: true,
  timeout: WAIT_MS,
})
const runs: RunResult[] = []
let plain: ScriptBytes
try {
  for (let i = 0; i < RUNS; i++) {
    await sandboxesGone()
    runs.push(await measureRun(browser, server.url))
  }
  plain = await plainPageScripts(browser)
} finally {
  await browser.close()
  await server.close()
}

const run = stats(runs.map((r) => r.runMs))
const login = stats(runs.map((r) => r.loginMs))
// Every run starts from an empty cache, so the first run's bytes stand for
// all of them; a different count in a later run is reported below.
const first = runs[0]!
const varying = runs.filter(
  (r) =>
    r.beforeRun.decoded !== first.beforeRun.decoded ||
    r.afterLift.decoded !== first.afterLift.decoded,
)
const extraKb = (first.beforeRun.gzip - plain.gzip) / 1000

console.log(
  `Session page playground, ${RUNS} runs; Node ${process.version}, ` +
    `${availableParallelism()} CPUs, ${server.url}\n`,
)
console.log(
  table([
    ['Time', 'median', 'min', 'max'],
    ['Run → login page visible', ms(run.median), ms(run.min), ms(run.max)],
    [
      'Log in → Session state shows userId',
      ms(login.median),
      ms(login.min),
      ms(login.max),
    ],
  ]),
)
console.log()
console.log(
  table([
    [
      'JavaScript (1 KB = 1000 bytes)',
      'files',
      'transferred',
      'raw',
      'gzip -9',
    ],
    bytesRow('Session page, before Run', first.beforeRun),
    bytesRow('Session page, after Run and lift', first.afterLift),
    bytesRow('  the example app’s own, in its frame', first.appFrame),
    bytesRow('Plain VitePress page', plain),
  ]),
)
console.log()
console.log(
  `before Run vs plain VitePress page: ${extraKb >= 0 ? '+' : ''}` +
    `${extraKb.toFixed(1)} KB gzip (target ≤ ${TARGET_KB} KB: ` +
    `${extraKb <= TARGET_KB ? 'within' : 'over'})`,
)
if (varying.length > 0) {
  console.log(
    'Runs loaded different JavaScript; the table shows run 1. ' +
      'Before Run / after lift, gzip, per run: ' +
      runs
        .map((r) => `${kb(r.beforeRun.gzip)} / ${kb(r.afterLift.gzip)}`)
        .join(', '),
  )
}
