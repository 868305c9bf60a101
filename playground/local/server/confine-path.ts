import { lstat, realpath } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, sep } from 'node:path'
import { pathRefused } from './runtime-error'

/**
 * Turns a path sent by the browser into an absolute path inside `root`, or
 * throws a sentence saying why it was refused: absolute paths and `..`
 * segments are refused outright, and so is a path whose existing part
 * resolves (through symlinks) outside `root`. `root` must be a real path.
 *
 * A process in the sandbox could swap a folder for a symlink between this
 * check and the file operation; the processes already run arbitrary code as
 * the same user, so the check guards the page's fs calls, not the processes.
 */
export async function confinePath(root: string, path: string): Promise<string> {
  if (typeof path !== 'string')
    throw pathRefused(String(path), 'it is not a string')
  if (path.includes('\0')) throw pathRefused(path, 'it contains a NUL byte')
  if (isAbsolute(path) || /^[a-zA-Z]:/.test(path) || path.startsWith('\\')) {
    throw pathRefused(path, 'absolute paths leave the sandbox')
  }
  const segments = path.split(/[\\/]+/).filter((s) => s !== '' && s !== '.')
  if (segments.includes('..')) {
    throw pathRefused(path, 'a ".." segment could leave the sandbox')
  }

  const target = join(root, ...segments)
  const real = await realpathOfExistingPart(target, root)
  if (real !== root && !real.startsWith(root + sep)) {
    throw pathRefused(
      path,
      'it resolves through a symlink to outside the sandbox',
    )
  }
  return target
}

/** Real path of the longest existing prefix of `target` (or of `root`). */
async function realpathOfExistingPart(
  target: string,
  root: string,
): Promise<string> {
  let candidate = target
  for (;;) {
    try {
      return await realpath(candidate)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      // A dangling symlink exists but has no real path: writing through it
      // would create its target, wherever that is.
      const exists = await lstat(candidate).then(
        () => true,
        () => false,
      )
      if (exists) return '/dangling-symlink'
    }
    if (relative(root, candidate) === '') return root
    candidate = dirname(candidate)
  }
}
