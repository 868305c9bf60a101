import { execFileSync } from 'node:child_process'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from './tests/support/chromium'

// Playwright evaluates this file in its runner and in every worker; the port
// is chosen once, in the runner, and handed to the workers through the env.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  '-e',
  `const s = require('net').createServer().listen(0, '127.0.0.1', () => {
    console.log(s.address().port); s.close() })`,
])
  .toString()
  .trim()

const port = Number(process.env.E2E_PORT)
const base = process.env.DOCS_BASE ?? '/'

/**
 * Browser tests run in Debian's Chromium against the built site, served the
 * way `npm run preview` serves it. `npm test` builds the site first.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: CHROMIUM_EXECUTABLE,
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx tsx scripts/preview.ts --port ${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
  },
})
