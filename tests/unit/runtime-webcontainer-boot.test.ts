import { afterEach, describe, expect, it } from 'vitest'
import {
  bootWebContainer,
  shutdownWebContainer,
} from '../../playground/webcontainer/adapter'
import {
  createFakeWebContainerApi,
  neverBooting,
  type FakeWebContainerApi,
} from '../fixtures/fake-webcontainer'

const apis: FakeWebContainerApi[] = []
function fakeApi(): FakeWebContainerApi {
  const api = createFakeWebContainerApi()
  apis.push(api)
  return api
}

afterEach(async () => {
  await shutdownWebContainer(true)
  await Promise.all(apis.splice(0).map((api) => api.whenTornDown()))
})

describe('booting a WebContainer', () => {
  it('rejects with a readable sentence when the boot never answers', async () => {
    await expect(
      bootWebContainer({ api: neverBooting, timeoutMs: 50 }),
    ).rejects.toThrow(
      /did not start within .* run the docs locally with “npm install && npm run dev”/,
    )
  })

  it('says why a refused boot failed and how to run the docs locally', async () => {
    const refusing = {
      boot: () => Promise.reject(new Error('Unable to create more instances')),
    }
    await expect(bootWebContainer({ api: refusing })).rejects.toThrow(
      'The WebContainer could not start: Unable to create more instances. Reload to try again, or run the docs locally with “npm install && npm run dev”.',
    )
  })

  it('boots with COEP require-corp', async () => {
    const api = fakeApi()
    const container = await bootWebContainer({ api })
    expect(api.boots).toEqual([
      expect.objectContaining({ coep: 'require-corp' }),
    ])
    await container.teardown()
  })

  it('reuses the booted instance for a second boot instead of booting again', async () => {
    const api = fakeApi()
    const first = await bootWebContainer({ api })
    const second = await bootWebContainer({ api })
    await first.teardown()
    const third = await bootWebContainer({ api })
    expect(api.boots).toHaveLength(1)
    await second.teardown()
    await third.teardown()
  })

  it('boots a new instance after the page shut the old one down', async () => {
    const api = fakeApi()
    const first = await bootWebContainer({ api })
    await first.teardown()
    await shutdownWebContainer()
    const second = await bootWebContainer({ api })
    expect(api.boots).toHaveLength(2)
    await second.teardown()
  })

  it('stops waiting when its signal aborts', async () => {
    const controller = new AbortController()
    const booting = bootWebContainer({
      api: neverBooting,
      signal: controller.signal,
    })
    controller.abort(new Error('The reader left the page.'))
    await expect(booting).rejects.toThrow('The reader left the page.')
  })
})

describe('rendering pages on the server', () => {
  it('never imports @webcontainer/api at the top of a module', async () => {
    const { readFile } = await import('node:fs/promises')
    const { join } = await import('node:path')
    for (const file of ['adapter.ts', 'surface.ts']) {
      const source = await readFile(
        join(__dirname, '../../playground/webcontainer', file),
        'utf8',
      )
      const staticImports = source.match(
        /^import (?!type )[^\n]*'@webcontainer\/api'/gm,
      )
      expect(staticImports, file).toBeNull()
    }
  })
})
