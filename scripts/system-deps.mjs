// Makes sure the programs npm cannot install are on the machine: Debian's
// Chromium (Playwright drives it; it never downloads a browser of its own) and
// redis-server (the Redis tests use a real one). As root it installs what is
// missing with apt-get; otherwise it stops with one sentence saying what to
// install.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const needed = [
  { binary: '/usr/bin/chromium', debianPackage: 'chromium' },
  { binary: '/usr/bin/redis-server', debianPackage: 'redis-server' },
]

const missing = needed.filter(({ binary }) => !existsSync(binary))
if (missing.length > 0) {
  const names = missing.map((m) => m.debianPackage)
  const isRoot = process.getuid?.() === 0
  const hasApt = existsSync('/usr/bin/apt-get')

  if (!isRoot || !hasApt) {
    console.error(
      `The tests need ${names.join(' and ')}, which npm cannot install: ` +
        `run "sudo apt-get install -y ${names.join(' ')}" and then npm test ` +
        'again.',
    )
    process.exit(1)
  }

  console.log(`Installing ${names.join(', ')} from Debian's packages…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-qq', ...names], {
    stdio: 'inherit',
    env,
  })
}
