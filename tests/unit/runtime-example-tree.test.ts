import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildFileTree } from '../../playground/examples/build-file-tree'
import { exampleFiles } from '../../playground/examples/vite-plugin'

const fixture = join(__dirname, '../fixtures/runtime-app')

describe('building the file tree of an example', () => {
  it('holds the text files of the example', async () => {
    const { tree } = await buildFileTree(fixture)
    expect(Object.keys(tree).sort()).toEqual([
      'app.js',
      'greeting.json',
      'package.json',
    ])
    expect(tree['greeting.json']).toEqual({
      file: { contents: '{ "text": "hello from the fixture app" }\n' },
    })
  })

  it('leaves out node_modules, .tmp, package-lock.json and binary files', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'example-tree-'))
    try {
      await mkdir(join(folder, 'node_modules/dep'), { recursive: true })
      await writeFile(join(folder, 'node_modules/dep/index.js'), '')
      await mkdir(join(folder, '.tmp'))
      await writeFile(join(folder, '.tmp/sessions.db'), '')
      await writeFile(join(folder, 'package-lock.json'), '{}')
      await writeFile(join(folder, 'logo.png'), new Uint8Array([137, 80, 0, 1]))
      await writeFile(join(folder, 'app.js'), 'kept')

      const { tree, files } = await buildFileTree(folder)
      expect(tree).toEqual({ 'app.js': { file: { contents: 'kept' } } })
      expect(files).toEqual([join(folder, 'app.js')])
    } finally {
      await rm(folder, { recursive: true, force: true })
    }
  })

  it('nests folders as directory entries', async () => {
    const { tree } = await buildFileTree(join(__dirname, '../fixtures'))
    expect(tree['runtime-app']).toHaveProperty('directory')
  })
})

describe('the virtual:example module', () => {
  it('exports the tree of the named example as its default', async () => {
    const plugin = exampleFiles({ root: join(__dirname, '../fixtures') })
    const resolveId = plugin.resolveId as (id: string) => string | undefined
    const load = plugin.load as (
      this: unknown,
      id: string,
    ) => Promise<string | undefined>
    const id = resolveId('virtual:example/runtime-app')
    expect(id).toBe('\0virtual:example/runtime-app')

    const watched: string[] = []
    const code = await load.call(
      {
        addWatchFile: (file: string) => watched.push(file),
        error: (message: string) => {
          throw new Error(message)
        },
      },
      id!,
    )
    expect(code).toMatch(/^export default \{/)
    const tree = JSON.parse(code!.slice('export default '.length))
    expect(tree['app.js'].file.contents).toContain('session-event')
    expect(watched).toContain(join(fixture, 'app.js'))
  })

  it('refuses a name that is not a folder name', async () => {
    const plugin = exampleFiles()
    const load = plugin.load as (this: unknown, id: string) => Promise<unknown>
    await expect(
      load.call(
        {
          addWatchFile: () => {},
          error: (message: string) => {
            throw new Error(message)
          },
        },
        '\0virtual:example/../secrets',
      ),
    ).rejects.toThrow(/does not name an example/)
  })
})
