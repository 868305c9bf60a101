import { expect, type Page } from '@playwright/test'

/**
 * Checks that the Session page shows the Boring Stack docs' structure: its
 * title, its four sections and the info container with its Sails link.
 */
export async function expectSessionSections(page: Page): Promise<void> {
  await expect(
    page.getByRole('heading', { level: 1, name: 'Session' }),
  ).toBeVisible()
  await expect(
    page.getByRole('heading', { level: 3, name: 'Example use cases' }),
  ).toBeVisible()
  for (const name of [
    'In memory session store',
    'Persistent session store',
    'Accessing the session store',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible()
  }
  const info = page.locator('.custom-block.info')
  await expect(info).toContainText('how sessions work')
  await expect(
    info.getByRole('link', { name: 'how sessions work' }),
  ).toHaveAttribute(
    'href',
    'https://sailsjs.com/documentation/concepts/sessions',
  )
}
