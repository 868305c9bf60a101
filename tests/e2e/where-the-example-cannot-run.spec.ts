import { expect, test, type Page } from '@playwright/test'
import { startIsolatedStaticServer } from '../support/isolated-static-server'
import { startPlainStaticServer } from '../support/plain-static-server'
import type { StaticServer } from '../../playground/local/static-files'

const RUN_LOCALLY = 'npm install && npm run dev'

/** The Run card's note that says why the example cannot run here. */
function unavailableNote(page: Page) {
  return page.locator('.session-playground').getByRole('note')
}

/** The page's own code blocks, which must read the same whatever happened. */
async function expectStaticCode(page: Page) {
  await expect(page.locator('.vp-code-group .blocks > .active')).toContainText(
    'npm i @sailshq/connect-redis',
  )
  await expect(
    page.locator('.vp-doc pre').filter({
      hasText: 'this.req.session.cookie.maxAge',
    }),
  ).toBeVisible()
}

let plain: StaticServer
let isolated: StaticServer

test.beforeAll(async () => {
  ;[plain, isolated] = await Promise.all([
    startPlainStaticServer(),
    startIsolatedStaticServer(),
  ])
})

test.afterAll(async () => {
  await Promise.all([plain?.close(), isolated?.close()])
})

test.describe('where the example cannot run', () => {
  test.describe('on a host without isolation headers, where no service worker can help', () => {
    test.use({ serviceWorkers: 'block' })

    test('says the page is not cross-origin isolated and how to run locally', async ({
      page,
    }) => {
      await page.goto(`${plain.url}boring-stack/session`)

      const note = unavailableNote(page)
      await expect(note).toContainText('not cross-origin isolated')
      await expect(note).toContainText(RUN_LOCALLY)
      await expect(page.getByRole('button', { name: 'Run' })).toHaveCount(0)
      await expectStaticCode(page)
    })
  })

  test('says the browser lacks what a WebContainer needs', async ({ page }) => {
    await page.addInitScript(() => {
      delete (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer
    })
    await page.goto(`${isolated.url}boring-stack/session`)

    const note = unavailableNote(page)
    await expect(note).toContainText('lacks SharedArrayBuffer')
    await expect(note).toContainText(RUN_LOCALLY)
    await expect(page.getByRole('button', { name: 'Run' })).toHaveCount(0)
    await expectStaticCode(page)
  })

  test('says a WebContainer needs a connection when the reader is offline', async ({
    page,
    context,
  }) => {
    // The reader read the site online, so the router has both pages' code;
    // then they go offline and come back to the Session page.
    const home = page
      .getByRole('banner')
      .getByRole('link', { name: 'The Boring JavaScript Stack' })
    const session = page.getByRole('link', { name: 'Try the Session guide' })
    await page.goto(`${isolated.url}boring-stack/session`)
    await expect(page.getByRole('button', { name: 'Run' })).toBeEnabled()
    await home.click()
    await session.click()
    await expect(page.getByRole('button', { name: 'Run' })).toBeEnabled()
    await home.click()
    await context.setOffline(true)
    await session.click()

    const note = unavailableNote(page)
    await expect(note).toContainText('offline')
    await expect(note).toContainText('needs a connection')
    await expect(note).toContainText(RUN_LOCALLY)
    await expect(page.getByRole('button', { name: 'Run' })).toHaveCount(0)
    await expectStaticCode(page)
  })

  test('says why the WebContainer did not start and how to run locally', async ({
    page,
  }) => {
    // The boot waits for StackBlitz, which this machine cannot reach, for up
    // to 30 s; the page's clock skips the wait.
    await page.clock.install()
    await page.goto(`${isolated.url}boring-stack/session`)
    await expect(
      page.getByText('This browser can run examples in a WebContainer.'),
    ).toBeVisible()
    const booting = page.waitForRequest(/stackblitz\.com/)

    await page.getByRole('button', { name: 'Run' }).click()
    await booting
    await page.clock.fastForward('00:31')

    const problem = page
      .getByRole('region', { name: 'Live example' })
      .getByRole('alert')
    await expect(problem).toContainText('The WebContainer did not start')
    await expect(problem).toContainText(RUN_LOCALLY)
    await expect(page.getByLabel('Boot status')).toContainText('failed')
    // The files never reached a runtime, so the blocks stay as the page
    // wrote them.
    await expectStaticCode(page)
    await expect(
      page.getByRole('textbox', { name: 'Edit api/controllers/auth/login.js' }),
    ).toHaveCount(0)
  })
})
