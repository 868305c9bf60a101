import { mkdir, mkdtemp, realpath, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { confinePath } from '../../playground/local/server/confine-path'

let root: string

beforeAll(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'confine-')))
  await mkdir(join(root, 'src'))
  await symlink('/etc', join(root, 'etc-link'))
  await symlink(join(root, 'src'), join(root, 'inner-link'))
  await symlink('/nonexistent-target', join(root, 'dangling'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('confining a path from the page to the sandbox', () => {
  it('resolves a relative path inside the sandbox', async () => {
    expect(await confinePath(root, 'src/app.js')).toBe(join(root, 'src/app.js'))
  })

  it('resolves "." and "" to the sandbox itself', async () => {
    expect(await confinePath(root, '.')).toBe(root)
    expect(await confinePath(root, '')).toBe(root)
  })

  it('refuses an absolute path', async () => {
    await expect(confinePath(root, '/etc/passwd')).rejects.toThrow(
      /absolute paths leave the sandbox/,
    )
  })

  it('refuses a ".." segment even when it would stay inside', async () => {
    await expect(confinePath(root, 'src/../app.js')).rejects.toThrow(/"\.\."/)
    await expect(confinePath(root, 'src\\..\\..\\x')).rejects.toThrow(/"\.\."/)
  })

  it('refuses a path through a symlink that leads out of the sandbox', async () => {
    await expect(confinePath(root, 'etc-link/passwd')).rejects.toThrow(
      /symlink to outside the sandbox/,
    )
  })

  it('allows a symlink that stays inside the sandbox', async () => {
    expect(await confinePath(root, 'inner-link/x.js')).toBe(
      join(root, 'inner-link/x.js'),
    )
  })

  it('refuses a dangling symlink, which writing would follow', async () => {
    await expect(confinePath(root, 'dangling')).rejects.toThrow(/refused/)
  })

  it('refuses a NUL byte', async () => {
    await expect(confinePath(root, 'a\0b')).rejects.toThrow(/NUL/)
  })
})
