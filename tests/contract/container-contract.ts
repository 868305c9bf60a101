import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { snapshot } from '@webcontainer/snapshot'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type {
  Container,
  ContainerProcess,
} from '../../playground/container/types'

/** Reads a process' whole output until the stream ends. */
export async function readAll(process: ContainerProcess): Promise<string> {
  let text = ''
  const reader = process.output.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return text
    text += value
  }
}

/** Resolves with the first output chunk that matches, reading as it comes. */
export async function waitForOutput(
  process: ContainerProcess,
  pattern: RegExp,
): Promise<RegExpMatchArray> {
  let text = ''
  const reader = process.output.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done)
        throw new Error(
          `The process ended without printing ${pattern}; it printed: ${text}`,
        )
      text += value
      const match = text.match(pattern)
      if (match) return match
    }
  } finally {
    reader.releaseLock()
  }
}

/**
 * True while a process with this pid runs on this machine. A zombie counts as
 * gone: it was killed, and only waits for a parent to reap it (in this
 * machine's container, PID 1 never reaps orphans).
 */
export function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return (
      stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z'
    )
  } catch {
    return true
  }
}

const serverScript = `
const http = require('http')
http.createServer((req, res) => res.end('hello from ' + req.url))
  .listen(process.env.PORT, '127.0.0.1', () => console.log('listening'))
`

/**
 * The behaviour every {@link Container} promises, written once and run
 * against each implementation. `createContainer` gives a fresh container per
 * test; the suite tears it down.
 */
export function describeContainerContract(
  name: string,
  createContainer: () => Promise<Container>,
): void {
  describe(`${name} keeps the Container contract`, () => {
    let container: Container

    beforeEach(async () => {
      container = await createContainer()
    })
    afterEach(async () => {
      await container.teardown()
    })

    it('reads back a file it mounted', async () => {
      await container.mount({
        'hello.txt': { file: { contents: 'hello' } },
        src: { directory: { 'a.js': { file: { contents: 'a' } } } },
      })
      expect(await container.fs.readFile('hello.txt', 'utf-8')).toBe('hello')
      expect(await container.fs.readFile('src/a.js', 'utf-8')).toBe('a')
    })

    it('mounts a snapshot as @webcontainer/snapshot builds it', async () => {
      const folder = mkdtempSync(join(tmpdir(), 'contract-snapshot-'))
      try {
        mkdirSync(join(folder, 'config'))
        writeFileSync(join(folder, 'config', 'session.js'), 'memory')
        const bytes = await snapshot(folder)
        const copy = bytes.buffer.slice(
          bytes.byteOffset,
          bytes.byteOffset + bytes.byteLength,
        ) as ArrayBuffer

        await container.mount(copy)

        expect(await container.fs.readFile('config/session.js', 'utf-8')).toBe(
          'memory',
        )
      } finally {
        rmSync(folder, { recursive: true, force: true })
      }
    })

    it('reads back a file it wrote, as text and as bytes', async () => {
      await container.fs.writeFile('note.txt', 'written')
      await container.fs.writeFile('bytes.bin', new Uint8Array([0, 1, 255]))
      expect(await container.fs.readFile('note.txt', 'utf-8')).toBe('written')
      expect([...(await container.fs.readFile('bytes.bin'))]).toEqual([
        0, 1, 255,
      ])
    })

    it('lists the entries of a folder', async () => {
      await container.mount({
        dir: {
          directory: {
            'one.txt': { file: { contents: '1' } },
            'two.txt': { file: { contents: '2' } },
          },
        },
      })
      expect((await container.fs.readdir('dir')).sort()).toEqual([
        'one.txt',
        'two.txt',
      ])
    })

    it('creates nested folders and removes them again', async () => {
      await container.fs.mkdir('a/b/c', { recursive: true })
      await container.fs.writeFile('a/b/c/file.txt', 'x')
      expect(await container.fs.readdir('a/b')).toEqual(['c'])
      await container.fs.rm('a', { recursive: true, force: true })
      await expect(container.fs.readdir('a')).rejects.toThrow()
    })

    it('fails to read a file that does not exist', async () => {
      await expect(
        container.fs.readFile('missing.txt', 'utf-8'),
      ).rejects.toThrow()
    })

    it('reports a change to a watched folder', async () => {
      await container.fs.mkdir('watched', { recursive: true })
      const seen: string[] = []
      const watcher = container.fs.watch('watched', (_event, filename) => {
        seen.push(filename)
      })
      let n = 0
      await vi.waitFor(
        async () => {
          await container.fs.writeFile('watched/file.txt', String(n++))
          expect(seen).toContain('file.txt')
        },
        { timeout: 5000, interval: 100 },
      )
      watcher.close()
    })

    it('runs node -e and streams what it prints', async () => {
      const child = await container.spawn('node', [
        '-e',
        'console.log("out"); console.error("err")',
      ])
      const output = await readAll(child)
      expect(output).toContain('out')
      expect(output).toContain('err')
      expect(await child.exit).toBe(0)
    })

    it('reports the exit code a process ends with', async () => {
      const child = await container.spawn('node', ['-e', 'process.exit(3)'])
      expect(await child.exit).toBe(3)
    })

    it('runs a process in the folder given as cwd', async () => {
      await container.fs.mkdir('sub', { recursive: true })
      await container.fs.writeFile('sub/here.txt', 'here')
      const child = await container.spawn(
        'node',
        ['-e', 'console.log(require("fs").readFileSync("here.txt", "utf8"))'],
        { cwd: 'sub' },
      )
      expect(await readAll(child)).toContain('here')
    })

    it('passes stdin to a process', async () => {
      const child = await container.spawn('node', [
        '-e',
        'process.stdin.once("data", (d) => { console.log("got " + d); process.exit(0) })',
      ])
      const writer = child.input.getWriter()
      await writer.write('ping\n')
      writer.releaseLock()
      expect(await readAll(child)).toContain('got ping')
    })

    it('ends a process when it is killed', async () => {
      const child = await container.spawn('node', [
        '-e',
        'setInterval(() => {}, 1000); console.log("alive")',
      ])
      await waitForOutput(child, /alive/)
      child.kill()
      expect(await child.exit).not.toBe(0)
    })

    it('announces a listening server with port and server-ready events whose URL answers', async () => {
      const ports: Array<[number, string]> = []
      const offPort = container.on('port', (port, type) => {
        ports.push([port, type])
      })
      const ready = new Promise<[number, string]>((resolve) => {
        container.on('server-ready', (port, url) => resolve([port, url]))
      })
      const child = await container.spawn('node', ['-e', serverScript])

      const [port, url] = await ready
      expect(ports).toContainEqual([port, 'open'])
      const response = await fetch(new URL('/ping', url))
      expect(await response.text()).toBe('hello from /ping')

      child.kill()
      await child.exit
      await vi.waitFor(() => expect(ports).toContainEqual([port, 'close']))
      offPort()
    })

    it('ends every running process on teardown', async () => {
      const child = await container.spawn('node', [
        '-e',
        'setInterval(() => {}, 1000); console.log("pid " + process.pid)',
      ])
      const [, pid] = await waitForOutput(child, /pid (\d+)/)
      expect(pidExists(Number(pid))).toBe(true)

      await container.teardown()
      await expect
        .poll(() => pidExists(Number(pid)), { timeout: 5000 })
        .toBe(false)
    })
  })
}
