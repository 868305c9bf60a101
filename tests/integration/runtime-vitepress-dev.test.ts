import { spawn, type ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crossOriginIsolationHeaders } from '../../playground/headers'
import { freePort } from '../../playground/local/server/free-port'
import { stopChild } from '../support/stop-child'

let dev: ChildProcess
let origin: string

// The dev server as `npm run dev` starts it, so VitePress's own page
// middleware is in the path, as it is for a reader.
beforeAll(async () => {
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  dev = spawn(
    process.execPath,
    ['node_modules/vitepress/bin/vitepress.js', 'dev', '--port', `${port}`],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // CI=true turns colours on, and a coloured port would not match.
      env: { ...process.env, NO_COLOR: '1' },
    },
  )
  await new Promise<void>((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '')
      if (output.includes(`:${port}`)) resolve()
    }
    dev.stdout?.on('data', onData)
    dev.stderr?.on('data', onData)
    dev.once('exit', (code) =>
      reject(new Error(`vitepress dev exited with ${code}: ${output}`)),
    )
  })
}, 60_000)
afterAll(() => stopChild(dev))

describe('the docs’ dev server (npm run dev)', () => {
  it('sends the Session page with the isolation headers and the runtime marker', async () => {
    const response = await fetch(`${origin}/boring-stack/session`)

    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
    for (const [name, value] of Object.entries(crossOriginIsolationHeaders)) {
      expect(response.headers.get(name)).toBe(value)
    }
    expect(response.headers.get('server-timing')).toContain('boring-playground')
  })

  it('hands the page a token for the local runtime', async () => {
    const response = await fetch(`${origin}/__playground/session`, {
      method: 'POST',
      headers: { origin },
    })

    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ wsPath: '/__playground/ws' })
  })
})
