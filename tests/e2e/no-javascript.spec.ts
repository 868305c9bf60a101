import { expect, test } from '@playwright/test'
import { expectSessionSections } from '../support/session-page'

test.use({ javaScriptEnabled: false })

test.describe('with JavaScript off', () => {
  test('the home page says what the site is and links to the Session page', async ({
    page,
  }) => {
    await page.goto('')

    await expect(page.getByRole('heading', { level: 1 })).toContainText(
      'The Boring JavaScript Stack',
    )
    await expect(
      page.getByRole('heading', { name: 'A real Sails app' }),
    ).toBeVisible()
    await expect(
      page.getByRole('link', { name: 'Try the Session guide' }),
    ).toHaveAttribute('href', /\/boring-stack\/session$/)
  })

  test('the Session page reads in full: headings, sections and the info container', async ({
    page,
  }) => {
    await page.goto('boring-stack/session')

    await expectSessionSections(page)
  })

  test('the Session page shows both code samples, with the hidden tab in the page', async ({
    page,
  }) => {
    await page.goto('boring-stack/session')

    const group = page.locator('.vp-code-group')
    await expect(group.locator('.blocks > .active')).toContainText(
      'npm i @sailshq/connect-redis',
    )
    // Without JavaScript the tabs cannot switch; the second tab's code is in
    // the page all the same, for search engines and reader modes.
    await expect(group.locator('.blocks > div').nth(1)).toContainText(
      "adapter: '@sailshq/connect-redis'",
    )
    await expect(
      page.locator('pre code').filter({
        hasText: 'this.req.session.cookie.maxAge',
      }),
    ).toBeVisible()
  })

  test('the Session page says how to run the example locally, and offers no Run button', async ({
    page,
  }) => {
    await page.goto('boring-stack/session')

    // Playwright's text selectors skip <noscript>; CSS reaches inside it.
    const note = page.locator('.session-playground noscript p')
    await expect(note).toBeVisible()
    await expect(note).toContainText(
      'The example needs JavaScript to run in the page',
    )
    await expect(note).toContainText('npm install && npm run dev')
    await expect(page.getByRole('button', { name: 'Run' })).toHaveCount(0)
  })
})
