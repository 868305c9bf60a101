import { describe, expect, it } from 'vitest'
import type { FileTree } from '../../playground/container/types'
import { readText, replaceText } from '../../playground/live/file-tree-text'

const tree: FileTree = {
  config: {
    directory: {
      'session.js': { file: { contents: 'memory' } },
      'custom.js': { file: { contents: new TextEncoder().encode('bytes') } },
    },
  },
}

describe('file trees as text', () => {
  it('reads a nested file, as text even when it is stored as bytes', () => {
    expect(readText(tree, 'config/session.js')).toBe('memory')
    expect(readText(tree, 'config/custom.js')).toBe('bytes')
  })

  it('reads null for a missing file or a folder', () => {
    expect(readText(tree, 'config/missing.js')).toBeNull()
    expect(readText(tree, 'config')).toBeNull()
  })

  it('replaces a file in a copy, leaving the original and its siblings', () => {
    const changed = replaceText(tree, 'config/session.js', 'redis')

    expect(readText(changed, 'config/session.js')).toBe('redis')
    expect(readText(changed, 'config/custom.js')).toBe('bytes')
    expect(readText(tree, 'config/session.js')).toBe('memory')
  })

  it('creates the folders of a file that was not there', () => {
    expect(readText(replaceText({}, 'api/a/b.js', 'x'), 'api/a/b.js')).toBe('x')
  })
})
