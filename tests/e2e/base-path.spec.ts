import { existsSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import {
  startPreviewServer,
  type PreviewServer,
} from '../../playground/local/preview-server'
import { sandboxProcesses } from '../support/sandbox-processes'

// What a GitHub Pages project site gets: the site under /<repo>/.
const ROOT = '.vitepress/dist-base'
const BASE = '/repo/'

let server: PreviewServer

test.beforeAll(async () => {
  if (!existsSync(ROOT)) {
    throw new Error(
      `There is no site built for the base ${BASE} in ${ROOT}. Build it first: npm run build:base`,
    )
  }
  server = await startPreviewServer({ port: 0, root: ROOT, base: BASE })
})

test.afterAll(async () => {
  await server?.close()
})

/** Every response of `page` with a 4xx/5xx status, and every failed request. */
function watchRequests(page: Page): string[] {
  const failures: string[] = []
  page.on('response', (response) => {
    if (response.status() >= 400) {
      failures.push(`${response.status()} ${response.url()}`)
    }
  })
  page.on('requestfailed', (request) => {
    failures.push(`${request.failure()?.errorText} ${request.url()}`)
  })
  return failures
}

test.describe('the site built for a base path', () => {
  for (const path of ['', 'boring-stack/session']) {
    test(`serves every request of /repo/${path} from under the base`, async ({
      page,
    }) => {
      const failures = watchRequests(page)

      await page.goto(`${server.url}${path}`)
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      await page.waitForLoadState('networkidle')

      expect(failures).toEqual([])
    })
  }

  test('renders the Session page under /repo/boring-stack/session', async ({
    page,
  }) => {
    await page.goto(`${server.url}boring-stack/session`)

    await expect(
      page.getByRole('heading', { level: 1, name: 'Session' }),
    ).toBeVisible()
    await expect(
      page.getByRole('heading', { level: 2, name: 'Persistent session store' }),
    ).toBeVisible()
  })

  test('links every page of the nav and the sidebar under /repo/', async ({
    page,
  }) => {
    await page.goto(`${server.url}boring-stack/session`)
    await expect(
      page.locator('.VPSidebar').getByRole('link', { name: 'Session' }),
    ).toHaveAttribute('href', '/repo/boring-stack/session')

    const hrefs = await page
      .locator('.VPNav a[href], .VPSidebar a[href]')
      .evaluateAll((links) => links.map((link) => link.getAttribute('href')))
    const internal = hrefs.filter(
      (href): href is string => !!href && !/^([a-z]+:|#)/i.test(href),
    )

    expect(internal.length).toBeGreaterThan(0)
    expect(internal.filter((href) => !href.startsWith(BASE))).toEqual([])
  })

  test('loads the favicon and the coi-serviceworker from under /repo/', async ({
    page,
  }) => {
    await page.goto(`${server.url}boring-stack/session`)

    const icon = await page.locator('link[rel="icon"]').getAttribute('href')
    expect(icon).toBe('/repo/favicon.svg')
    const iconResponse = await page.request.get(new URL(icon!, page.url()).href)
    expect(iconResponse.status()).toBe(200)
    expect(iconResponse.headers()['content-type']).toBe('image/svg+xml')

    // The loader only inserts the worker's script where the page is not
    // isolated; the preview isolates it, so read the URL from the loader.
    const scripts = await page
      .locator('head script:not([src])')
      .evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''))
    const loader = scripts.find((text) => text.includes('window.coi'))
    // The build minifies the loader: `e.src="/repo/coi-serviceworker.js"`.
    const src = /\.src\s*=\s*["']([^"']+)["']/.exec(loader ?? '')?.[1]
    expect(src).toBe('/repo/coi-serviceworker.js')
    const worker = await page.request.get(new URL(src!, page.url()).href)
    expect(worker.status()).toBe(200)
    expect(worker.headers()['content-type']).toMatch(/^text\/javascript/)
    expect(await worker.text()).toContain('serviceWorker')
  })

  test('serves the snapshot manifest and the snapshot it names under /repo/', async ({
    request,
  }) => {
    const manifest = await request.get(`${server.url}snapshots/manifest.json`)
    expect(manifest.status()).toBe(200)
    const entries = Object.values(
      (await manifest.json()) as Record<
        string,
        { file: string; bytes: number }
      >,
    )
    expect(entries.length).toBeGreaterThan(0)

    for (const { file, bytes } of entries) {
      const snapshot = await request.head(`${server.url}${file}`)
      expect(snapshot.status(), file).toBe(200)
      expect(snapshot.headers()['content-length'], file).toBe(String(bytes))
    }
  })

  test('lifts the example app when the reader presses Run', async ({
    page,
  }) => {
    await page.goto(`${server.url}boring-stack/session`)

    await page.getByRole('button', { name: 'Run' }).click()

    const app = page.frameLocator('iframe[title="The example app"]')
    await expect(app.getByLabel('Email')).toBeVisible({ timeout: 30_000 })
    await expect(app.getByLabel('Password')).toBeVisible()
    await page.close()
    await expect.poll(sandboxProcesses, { timeout: 10_000 }).toEqual([])
  })
})
