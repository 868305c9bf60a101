import { expect, test } from '@playwright/test'
import { expectSessionSections } from '../support/session-page'

test.describe('the Session page', () => {
  test('renders its four sections and the info container', async ({ page }) => {
    await page.goto('boring-stack/session')

    await expectSessionSections(page)
  })

  test('has the title and description the Boring Stack docs give it', async ({
    page,
  }) => {
    await page.goto('boring-stack/session')

    await expect(page).toHaveTitle('Session | The Boring JavaScript Stack 🥱')
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      'content',
      'The Boring JavaScript Stack ships with Session based authentication',
    )
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
      'content',
      'https://docs.sailscasts.com/boring-stack-social.png',
    )
  })

  test('switches the code-group tabs and shows the right code', async ({
    page,
  }) => {
    await page.goto('boring-stack/session')
    const group = page.locator('.vp-code-group').first()
    const visibleCode = group.locator('.blocks > .active')

    await expect(visibleCode).toContainText('npm i @sailshq/connect-redis')

    await group.getByText('config/session.js', { exact: true }).click()
    await expect(visibleCode).toContainText("adapter: '@sailshq/connect-redis'")
    await expect(visibleCode).not.toContainText('npm i')

    await group.getByText('terminal', { exact: true }).click()
    await expect(visibleCode).toContainText('npm i @sailshq/connect-redis')
  })

  test('links prev, next and the edit link where they should', async ({
    page,
  }) => {
    await page.goto('boring-stack/session')

    await expect(page.locator('a.pager-link.prev')).toHaveAttribute(
      'href',
      'https://docs.sailscasts.com/boring-stack/email',
    )
    await expect(page.locator('a.pager-link.next')).toHaveAttribute(
      'href',
      'https://docs.sailscasts.com/boring-stack/file-uploads',
    )
    await expect(
      page.getByRole('link', { name: 'Edit this page on GitHub' }),
    ).toHaveAttribute(
      'href',
      'https://github.com/sailscastshq/docs.sailscasts.com/edit/main/docs/boring-stack/session.md',
    )
  })

  test('marks the pages the site does not host as external', async ({
    page,
  }) => {
    await page.goto('boring-stack/session')
    const sidebar = page.locator('.VPSidebar')

    const email = sidebar.getByRole('link', { name: 'Email' })
    await expect(email).toHaveAttribute(
      'href',
      'https://docs.sailscasts.com/boring-stack/email',
    )
    await expect(email).toHaveClass(/vp-external-link-icon/)
    const session = sidebar.getByRole('link', { name: 'Session' })
    await expect(session).not.toHaveClass(/vp-external-link-icon/)
    expect(
      await email.evaluate((el) => getComputedStyle(el, '::after').content),
    ).not.toBe('none')
  })

  test('is found by local search for "rememberMe"', async ({ page }) => {
    await page.goto('')

    await page.getByRole('button', { name: 'Search' }).click()
    await page.getByRole('searchbox').fill('rememberMe')
    const result = page.locator('.VPLocalSearchBox .result').first()
    await expect(result).toContainText('Session')
    await result.click()
    await expect(page).toHaveURL(/\/boring-stack\/session/)
  })

  test('logs no console errors', async ({ page }) => {
    const errors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
    page.on('pageerror', (error) => errors.push(error.message))

    await page.goto('boring-stack/session')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await page.waitForLoadState('networkidle')

    expect(errors).toEqual([])
  })
})

test.describe('the home page', () => {
  test('says what the site is and leads to the Session page', async ({
    page,
  }) => {
    await page.goto('')

    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'The Boring JavaScript Stack',
    )
    await page.getByRole('link', { name: 'Try the Session guide' }).click()
    await expect(page).toHaveURL(/\/boring-stack\/session$/)
  })
})

test.describe('code groups', () => {
  test('a click in one group never switches another with the same labels', async ({
    page,
  }) => {
    await page.goto('tests/code-groups')
    const [first, second] = [
      page.locator('.vp-code-group').nth(0),
      page.locator('.vp-code-group').nth(1),
    ]

    await second.getByText('config/session.js', { exact: true }).click()

    await expect(second.locator('.blocks > .active')).toContainText('url:')
    await expect(first.locator('.blocks > .active')).toContainText(
      'npm i @sailshq/connect-redis',
    )
    await first.getByText('config/session.js', { exact: true }).click()
    await expect(first.locator('.blocks > .active')).toContainText('adapter:')
    await expect(second.locator('.blocks > .active')).toContainText('url:')
  })
})
