import { readFile } from 'node:fs/promises'
import { expect, test, type Page, type Response } from '@playwright/test'
import { crossOriginIsolationHeaders } from '../../playground/headers'
import { sandboxProcesses } from '../support/sandbox-processes'
import { startPlainStaticServer } from '../support/plain-static-server'
import type { StaticServer } from '../../playground/local/static-files'

const ISOLATION_HEADERS = Object.keys(crossOriginIsolationHeaders).map((name) =>
  name.toLowerCase(),
)

/** What the page's requests did: failures, console errors, frame documents. */
function watchPage(page: Page) {
  const seen = {
    failed: [] as string[],
    blockedInConsole: [] as string[],
    responses: new Map<string, Response>(),
    frameDocuments: [] as Response[],
  }
  page.on('requestfailed', (request) =>
    seen.failed.push(`${request.failure()?.errorText} ${request.url()}`),
  )
  page.on('console', (message) => {
    const text = message.text()
    if (
      message.type() === 'error' &&
      /Cross-Origin-(Embedder|Resource)-Policy|CORP|COEP/i.test(text)
    ) {
      seen.blockedInConsole.push(text)
    }
  })
  page.on('response', (response) => {
    seen.responses.set(response.url(), response)
    const request = response.request()
    if (request.isNavigationRequest() && request.frame() !== page.mainFrame()) {
      seen.frameDocuments.push(response)
    }
  })
  return seen
}

/** The `<img>` and `<iframe>` URLs of the page that are not same-origin. */
async function crossOriginEmbeds(page: Page): Promise<string[]> {
  const urls = await page
    .locator('img, iframe')
    .evaluateAll((nodes) =>
      nodes.map((node) =>
        node instanceof HTMLImageElement
          ? node.currentSrc || node.src
          : (node as HTMLIFrameElement).src,
      ),
    )
  const origin = new URL(page.url()).origin
  return urls.filter((url) => url && new URL(url).origin !== origin)
}

/** The headers a `_headers` file sets for `pattern`, such as `/*`. */
function headersFileRule(
  text: string,
  pattern: string,
): Record<string, string> {
  const rule: Record<string, string> = {}
  let inside = false
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue
    if (!/^\s/.test(line)) {
      inside = line.trim() === pattern
      continue
    }
    const match = /^\s+([^:]+):\s*(.*)$/.exec(line)
    if (inside && match) rule[match[1]!] = match[2]!
  }
  return rule
}

test.describe('cross-origin isolation', () => {
  for (const path of ['', 'boring-stack/session']) {
    test(`isolates /${path} without blocking anything it loads`, async ({
      page,
    }) => {
      const seen = watchPage(page)

      await page.goto(path)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await page.waitForLoadState('networkidle')

      expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(
        true,
      )
      expect(seen.failed).toEqual([])
      expect(seen.blockedInConsole).toEqual([])
      for (const url of await crossOriginEmbeds(page)) {
        const headers = await seen.responses.get(url)?.allHeaders()
        expect(headers?.['cross-origin-resource-policy'], url).toBeTruthy()
      }
    })
  }

  test('frames the running app with the headers an isolated page needs', async ({
    page,
  }) => {
    const seen = watchPage(page)
    await page.goto('boring-stack/session')

    await page.getByRole('button', { name: 'Run' }).click()
    const app = page.frameLocator('iframe[title="The example app"]')
    await expect(app.getByLabel('Email')).toBeVisible({ timeout: 30_000 })

    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true)
    for (const url of await crossOriginEmbeds(page)) {
      const headers = await seen.responses.get(url)?.allHeaders()
      expect(headers?.['cross-origin-resource-policy'], url).toBeTruthy()
    }
    expect(seen.frameDocuments.length).toBeGreaterThan(0)
    for (const response of seen.frameDocuments) {
      const headers = await response.allHeaders()
      expect(headers['cross-origin-embedder-policy'], response.url()).toBe(
        'require-corp',
      )
      expect(
        headers['cross-origin-resource-policy'],
        response.url(),
      ).toBeTruthy()
    }
    expect(seen.failed).toEqual([])
    expect(seen.blockedInConsole).toEqual([])

    await page.close()
    await expect.poll(sandboxProcesses, { timeout: 10_000 }).toEqual([])
  })

  test('sends the headers of playground/headers.ts, the same ones _headers names', async ({
    request,
    baseURL,
  }) => {
    const base = new URL(baseURL!).pathname
    const response = await request.get(`${baseURL}boring-stack/session`)
    const sent = Object.fromEntries(
      response
        .headersArray()
        .filter(({ name }) => ISOLATION_HEADERS.includes(name.toLowerCase()))
        .map(({ name, value }) => [name.toLowerCase(), value]),
    )
    const expected = Object.fromEntries(
      Object.entries(crossOriginIsolationHeaders).map(([name, value]) => [
        name.toLowerCase(),
        value,
      ]),
    )
    const file = await readFile('.vitepress/dist/_headers', 'utf8')

    expect(sent).toEqual(expected)
    expect(headersFileRule(file, `${base}*`)).toEqual(
      crossOriginIsolationHeaders,
    )
  })
})

test.describe('on a host that sends no headers', () => {
  let server: StaticServer

  test.beforeAll(async () => {
    server = await startPlainStaticServer()
  })

  test.afterAll(async () => {
    await server?.close()
  })

  test('coi-serviceworker isolates the page, so a WebContainer can run', async ({
    page,
  }) => {
    await page.goto(`${server.url}boring-stack/session`)

    // The worker takes control and reloads the page once; the reloaded page
    // is isolated and offers Run.
    await expect(
      page.getByText('This browser can run examples in a WebContainer.'),
    ).toBeVisible()
    await expect(page.getByRole('button', { name: 'Run' })).toBeEnabled()
    expect(
      await page.evaluate(() => ({
        isolated: globalThis.crossOriginIsolated,
        controlled: navigator.serviceWorker.controller !== null,
      })),
    ).toEqual({ isolated: true, controlled: true })
  })
})
