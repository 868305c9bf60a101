import { spawn } from 'node:child_process'
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pidExists } from '../contract/container-contract'

function startHost() {
  const host = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, '../fixtures/sandbox-host.ts')],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const started = new Promise<{ pid: number; root: string }>((resolve) => {
    let text = ''
    host.stdout.on('data', (chunk: Buffer) => {
      text += chunk
      const line = text.split('\n').find((l) => l.startsWith('{'))
      if (line) resolve(JSON.parse(line) as { pid: number; root: string })
    })
  })
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    host.once('exit', (code, signal) => resolve(signal ?? code)),
  )
  return { host, started, exited }
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  )

describe('a server that stops without disposing its sandboxes', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`kills sandbox processes and removes sandbox folders on ${signal}`, async () => {
      const { host, started, exited } = startHost()
      const { pid, root } = await started
      expect(pidExists(pid)).toBe(true)
      expect(await exists(root)).toBe(true)

      host.kill(signal)

      expect(await exited).toBe(signal)
      await expect.poll(() => pidExists(pid)).toBe(false)
      expect(await exists(root)).toBe(false)
    })
  }
})
