import { describe, expect, it } from 'vitest'
import { loadExampleSnapshot } from '../../playground/snapshot/load-snapshot'

const manifest = {
  'session-auth': {
    file: 'snapshots/session-auth.1a2b3c4d.bin',
    bytes: 4,
    gzipBytes: 3,
  },
}

/** A fetch that serves fixed bodies by URL and records what it was asked. */
function fakeFetch(bodies: Record<string, BodyInit>) {
  const requests: { url: string; init?: RequestInit }[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    requests.push({ url, init })
    const body = bodies[url]
    return body === undefined
      ? new Response('Not found', { status: 404 })
      : new Response(body)
  }
  return { fetch: fetch as typeof globalThis.fetch, requests }
}

describe('loading an example snapshot', () => {
  it('fetches the manifest under the base, then the file it names', async () => {
    const { fetch, requests } = fakeFetch({
      '/repo/snapshots/manifest.json': JSON.stringify(manifest),
      '/repo/snapshots/session-auth.1a2b3c4d.bin': new Uint8Array([1, 2, 3, 4]),
    })

    const buffer = await loadExampleSnapshot('session-auth', {
      base: '/repo/',
      fetch,
    })

    expect([...new Uint8Array(buffer)]).toEqual([1, 2, 3, 4])
    expect(requests.map((request) => request.url)).toEqual([
      '/repo/snapshots/manifest.json',
      '/repo/snapshots/session-auth.1a2b3c4d.bin',
    ])
    expect(requests[0]?.init?.cache).toBe('no-cache')
  })

  it('accepts a base without its trailing slash', async () => {
    const { fetch, requests } = fakeFetch({
      '/repo/snapshots/manifest.json': JSON.stringify(manifest),
      '/repo/snapshots/session-auth.1a2b3c4d.bin': new Uint8Array(4),
    })
    await loadExampleSnapshot('session-auth', { base: '/repo', fetch })
    expect(requests[0]?.url).toBe('/repo/snapshots/manifest.json')
  })

  it('says the build output lacks snapshots when the manifest is a 404', async () => {
    const { fetch } = fakeFetch({})
    await expect(
      loadExampleSnapshot('session-auth', { base: '/', fetch }),
    ).rejects.toThrow(
      'Could not download /snapshots/manifest.json: the site answered 404.',
    )
  })

  it('names the example and the ones the manifest lists when it is missing', async () => {
    const { fetch } = fakeFetch({
      '/snapshots/manifest.json': JSON.stringify(manifest),
    })
    await expect(
      loadExampleSnapshot('todo-list', { base: '/', fetch }),
    ).rejects.toThrow(/no example "todo-list" \(it lists: session-auth\)/)
  })

  it('says to check the connection when the network fails', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch')
    }) as typeof globalThis.fetch
    await expect(
      loadExampleSnapshot('session-auth', { base: '/', fetch }),
    ).rejects.toThrow(
      'Could not download /snapshots/manifest.json: Failed to fetch. Check the network connection and reload the page.',
    )
  })

  it('rejects with the abort reason when the page cancels the download', async () => {
    const controller = new AbortController()
    const reason = new DOMException('Left the page.', 'AbortError')
    const fetch = (async () => {
      controller.abort(reason)
      throw reason
    }) as typeof globalThis.fetch
    await expect(
      loadExampleSnapshot('session-auth', {
        base: '/',
        fetch,
        signal: controller.signal,
      }),
    ).rejects.toBe(reason)
  })

  it('refuses a file whose size differs from the manifest', async () => {
    const { fetch } = fakeFetch({
      '/snapshots/manifest.json': JSON.stringify(manifest),
      '/snapshots/session-auth.1a2b3c4d.bin': new Uint8Array(2),
    })
    await expect(
      loadExampleSnapshot('session-auth', { base: '/', fetch }),
    ).rejects.toThrow(/arrived with 2 bytes instead of 4/)
  })
})
