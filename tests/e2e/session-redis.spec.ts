import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { expect, test, type Page } from '@playwright/test'
import {
  startPreviewServer,
  type PreviewServer,
} from '../../playground/local/preview-server'
import {
  findSandboxRedis,
  shutDownSaving,
  startAgain,
} from '../support/redis-process'
import { sandboxProcesses } from '../support/sandbox-processes'

const SESSION = 'config/session.js'
const DEMO = { email: 'demo@example.com', password: 'boring-stack' }

function app(page: Page) {
  return page.frameLocator('iframe[title="The example app"]')
}

function sessionState(page: Page) {
  return page.getByRole('region', { name: 'Session state' })
}

/** Runs the example, then applies the page's two Redis lines and runs them. */
async function switchToRedis(page: Page, url: string) {
  await page.goto(url)
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(app(page).getByLabel('Email')).toBeVisible({ timeout: 30_000 })
  await expect(sessionState(page).getByTestId('store-kind')).toHaveText(
    'In memory (MemoryStore)',
  )

  await page
    .locator('.vp-code-group .tabs')
    .getByText(SESSION, { exact: true })
    .click()
  await page.getByRole('button', { name: 'Use the page’s version' }).click()
  await page
    .getByRole('button', { name: `Run with your changes to ${SESSION}` })
    .click()

  await expect(sessionState(page).getByTestId('store-kind')).toHaveText(
    'Redis',
    { timeout: 30_000 },
  )
  await expect(sessionState(page)).toContainText(
    'The session store is now Redis',
  )
}

async function logInRemembered(page: Page) {
  const frame = app(page)
  await expect(frame.getByLabel('Email')).toBeVisible({ timeout: 30_000 })
  await frame.getByLabel('Email').fill(DEMO.email)
  await frame.getByLabel('Password').fill(DEMO.password)
  await frame.getByLabel('Remember me').check()
  await frame.getByRole('button', { name: 'Log in' }).click()
  await expect(frame.getByText('You are logged in as')).toBeVisible()
}

async function restartAndStayLoggedIn(page: Page) {
  await page.getByRole('button', { name: 'Restart server' }).click()
  await expect(sessionState(page)).toContainText('Redis still holds')
  await expect(app(page).getByText('You are logged in as')).toBeVisible({
    timeout: 30_000,
  })
  await expect(sessionState(page).getByTestId('record-user-id')).toHaveText('1')
}

test.describe('the Session page with Redis, on a real redis-server', () => {
  let restarted: ChildProcess | undefined

  test.afterEach(async ({ page }) => {
    await page.close()
    if (restarted && restarted.exitCode === null) {
      restarted.kill('SIGTERM')
      await once(restarted, 'exit')
    }
    await expect.poll(sandboxProcesses, { timeout: 10_000 }).toEqual([])
  })

  test('keeps the reader logged in across a restart, and survives Redis going away', async ({
    page,
    baseURL,
  }) => {
    await switchToRedis(page, `${baseURL}boring-stack/session`)
    const redis = findSandboxRedis()
    expect(redis?.kind).toBe('redis-server')

    await logInRemembered(page)
    await expect(sessionState(page).getByTestId('store-ttl')).toContainText(
      '30 days',
    )
    await restartAndStayLoggedIn(page)

    await shutDownSaving(redis!.port)
    await expect(sessionState(page).getByTestId('store-status')).toHaveText(
      'unreachable',
      { timeout: 2_000 },
    )

    restarted = startAgain(redis!)
    await expect(sessionState(page).getByTestId('store-status')).toHaveText(
      'reachable',
      { timeout: 10_000 },
    )
    await page.getByRole('button', { name: 'Reload the preview' }).click()
    await expect(app(page).getByText('You are logged in as')).toBeVisible()
  })
})

test.describe('the Session page with Redis, on the browser’s stand-in', () => {
  let server: PreviewServer

  test.beforeAll(async () => {
    server = await startPreviewServer({
      port: 0,
      runtime: { redis: 'stand-in' },
    })
  })
  test.afterAll(() => server.close())
  test.afterEach(async ({ page }) => {
    await page.close()
    await expect.poll(sandboxProcesses, { timeout: 10_000 }).toEqual([])
  })

  test('switches to Redis and keeps the reader logged in across a restart', async ({
    page,
  }) => {
    await switchToRedis(page, `${server.url}boring-stack/session`)
    expect(findSandboxRedis()?.kind).toBe('stand-in')

    await logInRemembered(page)
    await restartAndStayLoggedIn(page)
  })
})
