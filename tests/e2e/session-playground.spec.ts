import { expect, test, type Page } from '@playwright/test'
import {
  sandboxFolders,
  sandboxProcesses,
  workingFolder,
} from '../support/sandbox-processes'

const DEMO = { email: 'demo@example.com', password: 'boring-stack' }

function app(page: Page) {
  return page.frameLocator('iframe[title="The example app"]')
}

function sessionState(page: Page) {
  return page.getByRole('region', { name: 'Session state' })
}

async function runExample(page: Page) {
  await page.goto('boring-stack/session')
  await page.getByRole('button', { name: 'Run' }).click()
  await expect(app(page).getByLabel('Email')).toBeVisible({ timeout: 30_000 })
}

async function logIn(
  page: Page,
  options: { rememberMe?: boolean; password?: string } = {},
) {
  const frame = app(page)
  await frame.getByLabel('Email').fill(DEMO.email)
  await frame.getByLabel('Password').fill(options.password ?? DEMO.password)
  await frame.getByLabel('Remember me').setChecked(options.rememberMe ?? false)
  await frame.getByRole('button', { name: 'Log in' }).click()
}

test.describe('the Session page playground', () => {
  test.afterEach(async ({ page }) => {
    await page.close()
    // Leaving the page ends its sandbox; the next test starts clean.
    await expect.poll(sandboxProcesses, { timeout: 10_000 }).toEqual([])
  })

  test('lifts the app, logs in and out, remembers, and forgets on restart', async ({
    page,
  }) => {
    await runExample(page)
    const state = sessionState(page)
    await expect(page.getByLabel('Boot status')).toContainText('Lift')

    await logIn(page)
    await expect(app(page).getByText('You are logged in as')).toBeVisible()
    await expect(state.getByTestId('record-user-id')).toHaveText('1')
    await expect(state.getByTestId('cookie-lifetime')).toHaveText(
      'ends with the browser session',
    )
    await expect(state).toContainText('The session id did not change at login')

    await app(page).getByRole('button', { name: 'Log out' }).click()
    await expect(app(page).getByLabel('Email')).toBeVisible()
    await expect(state.getByTestId('record-user-id')).toContainText('not set')

    await logIn(page, { rememberMe: true })
    await expect(state.getByTestId('record-user-id')).toHaveText('1')
    await expect(state.getByTestId('cookie-lifetime')).toContainText(
      '(in 30 days)',
    )
    await expect(state).toContainText('The cookie now expires in 30 days')

    await page.getByRole('button', { name: 'Restart server' }).click()
    await expect(state).toContainText('forgot every session')
    await expect(app(page).getByLabel('Email')).toBeVisible({ timeout: 30_000 })
    await expect(app(page).getByLabel('Password')).toBeVisible()
  })

  test('shows the app’s error for a wrong password and no userId', async ({
    page,
  }) => {
    await runExample(page)

    await logIn(page, { password: 'not-the-password' })

    await expect(app(page).getByText('Wrong email/password')).toBeVisible()
    await expect(
      sessionState(page).getByTestId('record-user-id'),
    ).toContainText('not set')
    await expect(sessionState(page)).toContainText('The login was refused')
  })

  test('runs again after leaving the page and coming back, leaving no process behind', async ({
    page,
  }) => {
    await runExample(page)
    await expect.poll(() => sandboxProcesses().length).toBe(1)
    const [firstApp] = sandboxProcesses()
    const firstSandbox = workingFolder(firstApp!)
    expect(firstSandbox).not.toBeNull()

    // A reload would clear this; the test proves there was none.
    await page.evaluate(() => ((window as { stayed?: boolean }).stayed = true))
    await page.locator('.VPNavBarTitle a').click()
    await expect(page).not.toHaveURL(/session/)
    await expect.poll(sandboxProcesses, { timeout: 10_000 }).toEqual([])
    expect(sandboxFolders()).not.toContain(firstSandbox)

    await page.goBack()
    await expect(page).toHaveURL(/boring-stack\/session/)
    await page.getByRole('button', { name: 'Run' }).click()
    await expect(app(page).getByLabel('Email')).toBeVisible({ timeout: 30_000 })
    await expect.poll(() => sandboxProcesses().length).toBe(1)
    expect(
      await page.evaluate(() => (window as { stayed?: boolean }).stayed),
    ).toBe(true)
  })
})
