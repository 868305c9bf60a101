/**
 * Debian's Chromium, the only browser the tests use: Playwright cannot download
 * one here. The flags keep it headless, unsandboxed (the tests run as root)
 * and from calling home, which this machine's closed network refuses.
 */
export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
