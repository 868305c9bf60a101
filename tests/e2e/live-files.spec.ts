import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { sandboxProcesses } from '../support/sandbox-processes'

const LOGIN = 'api/controllers/auth/login.js'
const SESSION = 'config/session.js'
const DEMO = { email: 'demo@example.com', password: 'boring-stack' }

const APP_FRAME = 'iframe[title="The example app"]'

function app(page: Page) {
  return page.frameLocator(APP_FRAME)
}

/** The live block of `file`: its bar, editor and error. */
function block(page: Page, file: string) {
  return page.getByRole('group', { name: file, exact: true })
}

function editor(page: Page, file: string) {
  return page.getByRole('textbox', { name: `Edit ${file}` })
}

async function runExample(page: Page) {
  await page.goto('boring-stack/session')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(app(page).getByLabel('Email')).toBeVisible({ timeout: 30_000 })
  await expect(editor(page, LOGIN)).toBeVisible()
}

async function logIn(page: Page) {
  const frame = app(page)
  await frame.getByLabel('Email').fill(DEMO.email)
  await frame.getByLabel('Password').fill(DEMO.password)
  await frame.getByLabel('Remember me').setChecked(false)
  await frame.getByRole('button', { name: 'Log in' }).click()
}

/**
 * Centres the editor in the window. CodeMirror only renders the lines near
 * the window, and the login action is longer than the window is tall.
 */
async function scrollToMiddle(field: Locator): Promise<void> {
  await field.evaluate((el) => el.scrollIntoView({ block: 'center' }))
}

/** Puts `text` in place of the line of `field` that reads `line`. */
async function replaceLine(
  field: Locator,
  line: string,
  text: string,
): Promise<void> {
  await scrollToMiddle(field)
  await field.getByText(line, { exact: true }).click()
  await field.page().keyboard.press('End')
  // Home stops after the indentation, so the indentation stays.
  await field.page().keyboard.press('Shift+Home')
  await field.page().keyboard.type(text)
}

/** The editor's text, line by line, with its whitespace as typed. */
function lines(field: Locator) {
  return () =>
    field
      .locator('.cm-line')
      .evaluateAll((els) => els.map((el) => el.textContent ?? ''))
}

test.describe('the live code blocks of the Session page', () => {
  test.afterEach(async ({ page }) => {
    await page.close()
    await expect.poll(sandboxProcesses, { timeout: 10_000 }).toEqual([])
  })

  test('runs the reader’s edit of the login action in the app', async ({
    page,
  }) => {
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))
    await runExample(page)
    const login = editor(page, LOGIN)
    await expect(login).toContainText('inputs: {')

    await replaceLine(login, 'if (rememberMe) {', 'if (true) {')
    await expect(block(page, LOGIN).getByText('changed')).toBeVisible()
    await block(page, LOGIN)
      .getByRole('button', { name: `Run with your changes to ${LOGIN}` })
      .click()
    await expect(block(page, LOGIN).getByText('changed')).toBeHidden()
    await expect(app(page).getByLabel('Email')).toBeVisible({ timeout: 30_000 })
    await logIn(page)

    // Without "Remember me" the shipped action keeps the browser-session
    // cookie; the edited one always sets a lifetime.
    await expect(app(page).getByText('You are logged in as')).toBeVisible()
    await expect(app(page).getByText(/^expires /)).toBeVisible()
    expect(errors).toEqual([])
  })

  test('shows a failed lift by the block that caused it, and lifts again after Reset', async ({
    page,
  }) => {
    await runExample(page)
    const login = editor(page, LOGIN)

    await replaceLine(login, "return '/'", "return '/")
    await block(page, LOGIN)
      .getByRole('button', { name: `Run with your changes to ${LOGIN}` })
      .click()

    const alert = block(page, LOGIN).getByRole('alert')
    await expect(alert).toContainText(`${LOGIN}, line `, { timeout: 30_000 })
    await expect(alert).toContainText('SyntaxError')
    await expect(login.locator('[data-error-line]')).toContainText("return '/")

    await block(page, LOGIN)
      .getByRole('button', { name: `Reset ${LOGIN}` })
      .click()
    await scrollToMiddle(login)
    await expect(login).toContainText("return '/'")
    await block(page, LOGIN)
      .getByRole('button', { name: `Run with your changes to ${LOGIN}` })
      .click()
    await expect(app(page).getByLabel('Email')).toBeVisible({ timeout: 30_000 })
    await expect(alert).toBeHidden()
    await expect(login.locator('[data-error-line]')).toHaveCount(0)
  })

  test('lets the reader shorten rememberMeCookieMaxAge and watch the session expire', async ({
    page,
  }) => {
    const CUSTOM = 'config/custom.js'
    await runExample(page)
    await page.getByText('More files of the app').click()
    const custom = editor(page, CUSTOM)
    await expect(custom).toContainText('rememberMeCookieMaxAge')

    await replaceLine(
      custom,
      'rememberMeCookieMaxAge: 30 * 24 * 60 * 60 * 1000,',
      'rememberMeCookieMaxAge: 4000,',
    )
    await block(page, CUSTOM)
      .getByRole('button', { name: `Run with your changes to ${CUSTOM}` })
      .click()
    await expect(app(page).getByLabel('Email')).toBeVisible({ timeout: 30_000 })
    await app(page).getByLabel('Email').fill(DEMO.email)
    await app(page).getByLabel('Password').fill(DEMO.password)
    await app(page).getByLabel('Remember me').check()
    await app(page).getByRole('button', { name: 'Log in' }).click()

    const state = page.getByRole('region', { name: 'Session state' })
    await expect(state.getByTestId('cookie-lifetime')).toContainText(
      /in \d seconds?/,
    )
    await expect(state.getByTestId('cookie-lifetime')).toContainText(
      'expired at',
      { timeout: 10_000 },
    )
    await page.getByRole('button', { name: 'Reload the preview' }).click()
    await expect(state).toContainText('The cookie expired', {
      timeout: 30_000,
    })
    await expect(app(page).getByLabel('Email')).toBeVisible()
  })

  test('keeps an edit across a reload: a note before Run, the editor after', async ({
    page,
  }) => {
    await runExample(page)
    await replaceLine(editor(page, LOGIN), "return '/'", "return '/?edited'")
    await expect(block(page, LOGIN).getByText('changed')).toBeVisible()

    await page.reload()

    await expect(
      page.getByText('You edited this file earlier; press Run above'),
    ).toBeVisible()
    await expect(editor(page, LOGIN)).toHaveCount(0)
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(editor(page, LOGIN)).toBeVisible({ timeout: 30_000 })
    await scrollToMiddle(editor(page, LOGIN))
    await expect(editor(page, LOGIN)).toContainText("return '/?edited'")
  })

  test('brings an edit back with Undo after Reset or the page’s version', async ({
    page,
  }) => {
    await runExample(page)
    const login = editor(page, LOGIN)
    const bar = block(page, LOGIN)
    await replaceLine(login, "return '/'", "return '/?mine'")

    await bar.getByRole('button', { name: `Reset ${LOGIN}` }).click()
    await scrollToMiddle(login)
    await expect(login).not.toContainText("return '/?mine'")
    await expect(login).toContainText("return '/'")
    await bar.getByRole('button', { name: `Undo in ${LOGIN}` }).click()
    await scrollToMiddle(login)
    await expect(login).toContainText("return '/?mine'")

    await page
      .locator('.vp-code-group .tabs')
      .getByText(SESSION, { exact: true })
      .click()
    const session = editor(page, SESSION)
    await expect(session).toContainText("adapter: 'memory'")
    await replaceLine(
      session,
      "adapter: 'memory',",
      "adapter: 'memory', // mine",
    )
    await block(page, SESSION)
      .getByRole('button', { name: 'Use the page’s version' })
      .click()
    await expect(session).toContainText("adapter: '@sailshq/connect-redis'")
    await session.press('Control+z')
    await expect(session).toContainText("adapter: 'memory', // mine")
  })

  test('indents with Tab, and leaves the editor with Escape then Tab', async ({
    page,
  }) => {
    await runExample(page)
    const login = editor(page, LOGIN)
    await login.getByText('module.exports = {', { exact: true }).click()
    await page.keyboard.press('Home')

    await page.keyboard.press('Tab')
    await expect(login).toBeFocused()
    await expect.poll(lines(login)).toContain('  module.exports = {')

    await page.keyboard.press('Escape')
    await page.keyboard.press('Tab')
    await expect(login).not.toBeFocused()
    await expect.poll(lines(login)).toContain('  module.exports = {')
  })

  test('copies the file as the editor holds it, without its controls', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await runExample(page)
    await replaceLine(editor(page, LOGIN), "return '/'", "return '/?copied'")

    await page
      .locator('div.language-js', { has: block(page, LOGIN) })
      .getByRole('button', { name: 'Copy Code' })
      .click()

    const copied = () => page.evaluate(() => navigator.clipboard.readText())
    await expect.poll(copied).toContain("    return '/?copied'\n  },\n}")
    expect(await copied()).toMatch(/^module\.exports = \{\n/)
    expect(await copied()).not.toContain('Reset')
  })

  test('colours the code as the page does, in light and in dark', async ({
    page,
  }) => {
    await runExample(page)
    await scrollToMiddle(editor(page, LOGIN))
    const keyword = editor(page, LOGIN).getByText('async', { exact: true })
    await expect(keyword).toHaveCSS('color', 'rgb(196, 49, 61)')

    await page.getByRole('switch', { name: 'Switch to dark theme' }).click()

    await expect(keyword).toHaveCSS('color', 'rgb(249, 117, 131)')
  })

  test('has no accessibility violation once live', async ({ page }) => {
    await runExample(page)
    await page
      .locator('.vp-code-group .tabs')
      .getByText(SESSION, { exact: true })
      .click()
    await expect(editor(page, SESSION)).toBeVisible()
    await replaceLine(editor(page, LOGIN), "return '/'", "return '/?a11y'")
    await expect(block(page, LOGIN).getByText('changed')).toBeVisible()

    const results = await new AxeBuilder({ page })
      // The page's text goes from its h1 to an h3 ("Example use cases"), as
      // the Boring Stack docs have it; the text stays as they wrote it.
      .exclude('#example-use-cases')
      // VitePress nests the caret button of a collapsible sidebar group in
      // the group's own button; goes with
      // https://github.com/vuejs/vitepress/issues/3517.
      .exclude('.VPSidebarItem.collapsible > .item')
      // The example app is a document of its own, checked on its own below:
      // axe would read its h1 into the page's outline.
      .exclude(APP_FRAME)
      .analyze()
    const inApp = await new AxeBuilder({ page }).include(APP_FRAME).analyze()

    const violations = [...results.violations, ...inApp.violations].map(
      (violation) => ({
        rule: violation.id,
        nodes: violation.nodes.map((node) => node.html),
      }),
    )
    expect(violations).toEqual([])
  })
})
