import { describe, expect, it } from 'vitest'
import {
  chooseRuntime,
  type RuntimeEnvironment,
} from '../../playground/container/choose-runtime'

const offer = { token: 't', wsPath: '/__playground/ws' }

function env(patch: Partial<RuntimeEnvironment> = {}): RuntimeEnvironment {
  return {
    search: '',
    crossOriginIsolated: true,
    supportsWebContainer: true,
    online: true,
    probeLocal: async () => null,
    ...patch,
  }
}

describe('choosing where examples run', () => {
  it('honours ?runtime=local without asking the server', async () => {
    let probed = false
    const choice = await chooseRuntime(
      env({
        search: '?runtime=local',
        probeLocal: async () => ((probed = true), offer),
      }),
    )
    expect(choice).toMatchObject({ kind: 'local', offer: null })
    expect(probed).toBe(false)
  })

  it('honours ?runtime=webcontainer even when the origin offers a local runtime', async () => {
    const choice = await chooseRuntime(
      env({ search: '?runtime=webcontainer', probeLocal: async () => offer }),
    )
    expect(choice.kind).toBe('webcontainer')
  })

  it('prefers the local runtime when the page origin offers one', async () => {
    const choice = await chooseRuntime(env({ probeLocal: async () => offer }))
    expect(choice).toEqual({
      kind: 'local',
      reason: expect.any(String),
      offer,
    })
  })

  it('falls back to a WebContainer on an isolated page of a static host', async () => {
    expect((await chooseRuntime(env())).kind).toBe('webcontainer')
  })

  it('treats a failing probe as no local runtime', async () => {
    const choice = await chooseRuntime(
      env({ probeLocal: () => Promise.reject(new Error('offline')) }),
    )
    expect(choice.kind).toBe('webcontainer')
  })

  it('explains that the page is not cross-origin isolated and how to run locally', async () => {
    const choice = await chooseRuntime(env({ crossOriginIsolated: false }))
    expect(choice.kind).toBe('unavailable')
    expect(choice.reason).toMatch(/not cross-origin isolated/)
    expect(choice.reason).toContain('npm install && npm run dev')
  })

  it('blames the missing headers, not the browser, where Chromium hides SharedArrayBuffer', async () => {
    const choice = await chooseRuntime(
      env({ crossOriginIsolated: false, supportsWebContainer: false }),
    )
    expect(choice.reason).toMatch(/not cross-origin isolated/)
  })

  it('explains that the browser lacks what a WebContainer needs', async () => {
    const choice = await chooseRuntime(env({ supportsWebContainer: false }))
    expect(choice.kind).toBe('unavailable')
    expect(choice.reason).toMatch(/SharedArrayBuffer/)
    expect(choice.reason).toContain('npm install && npm run dev')
  })

  it('explains that a WebContainer needs a connection when the browser is offline', async () => {
    const choice = await chooseRuntime(env({ online: false }))
    expect(choice.kind).toBe('unavailable')
    expect(choice.reason).toMatch(/offline: a WebContainer needs a connection/)
    expect(choice.reason).toContain('npm install && npm run dev')
  })

  it('still uses the local runtime when the browser is offline', async () => {
    const choice = await chooseRuntime(
      env({ online: false, probeLocal: async () => offer }),
    )
    expect(choice.kind).toBe('local')
  })

  it('ignores an unknown ?runtime value', async () => {
    const choice = await chooseRuntime(env({ search: '?runtime=magic' }))
    expect(choice.kind).toBe('webcontainer')
  })
})
