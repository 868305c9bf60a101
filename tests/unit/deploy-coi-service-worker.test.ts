import { describe, expect, it } from 'vitest'
import { coiHeadTags } from '../../playground/deploy/coi-service-worker'

interface FakePage {
  crossOriginIsolated: boolean
  isSecureContext?: boolean
  serviceWorker?: boolean
}

/** Runs the inline head script against a fake window and reports its effects. */
function runHeadScript(base: string, page: FakePage) {
  const [tag] = coiHeadTags(base)
  const code = tag?.[2] ?? ''
  const appended: { src: string }[] = []
  let reloads = 0
  const storage = new Map<string, string>()
  const window = {
    crossOriginIsolated: page.crossOriginIsolated,
    isSecureContext: page.isSecureContext ?? true,
    location: { reload: () => reloads++ },
  } as Record<string, any>
  const document = {
    createElement: () => ({ src: '' }),
    head: { appendChild: (script: { src: string }) => appended.push(script) },
  }
  const navigator = page.serviceWorker === false ? {} : { serviceWorker: {} }
  const sessionStorage = {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
  }
  new Function('window', 'document', 'navigator', 'sessionStorage', code)(
    window,
    document,
    navigator,
    sessionStorage,
  )
  return { tag, window, appended, reloads: () => reloads }
}

describe('the coi-serviceworker head tags', () => {
  it('are one inline script', () => {
    const [tag, ...rest] = coiHeadTags('/')
    expect(rest).toEqual([])
    expect(tag?.[0]).toBe('script')
    expect(typeof tag?.[2]).toBe('string')
  })

  it('load the service worker from the site root under the base path', () => {
    const { appended } = runHeadScript('/repo/', { crossOriginIsolated: false })
    expect(appended.map((script) => script.src)).toEqual([
      '/repo/coi-serviceworker.js',
    ])
  })

  it('load nothing and register nothing where the host sends the headers', () => {
    const { appended, window } = runHeadScript('/', {
      crossOriginIsolated: true,
    })
    expect(appended).toEqual([])
    expect(window.coi.shouldRegister()).toBe(false)
  })

  it('load nothing where no service worker can run', () => {
    expect(
      runHeadScript('/', { crossOriginIsolated: false, isSecureContext: false })
        .appended,
    ).toEqual([])
    expect(
      runHeadScript('/', { crossOriginIsolated: false, serviceWorker: false })
        .appended,
    ).toEqual([])
  })

  it('keep the worker quiet and on the COEP the WebContainer boots with', () => {
    const { window } = runHeadScript('/', { crossOriginIsolated: false })
    expect(window.coi.quiet).toBe(true)
    expect(window.coi.coepCredentialless()).toBe(false)
    expect(window.coi.shouldRegister()).toBe(true)
  })

  it('reload the page once per tab session, never in a loop', () => {
    const { window, reloads } = runHeadScript('/', {
      crossOriginIsolated: false,
    })
    window.coi.doReload()
    window.coi.doReload()
    expect(reloads()).toBe(1)
  })
})
