/**
 * How a fence's text relates to the file it is bound to: an `excerpt` the
 * file contains (the login action without its inputs and exits), or a
 * `whole` file of its own (the Redis version of `config/session.js`, where
 * the app ships the memory store).
 */
export type PageTextKind = 'excerpt' | 'whole'

/**
 * Decides whether `pageText` is an excerpt of `shipped`: it is when every
 * non-blank line of it, trimmed, is a line of the shipped file, trimmed.
 * Indentation does not count, because a page may quote a nested block
 * further left than the file has it.
 */
export function pageTextKind(pageText: string, shipped: string): PageTextKind {
  const fileLines = new Set(trimmedLines(shipped))
  const excerpt = trimmedLines(pageText).every((line) => fileLines.has(line))
  return excerpt ? 'excerpt' : 'whole'
}

/**
 * True when the page offers a version of the file the app does not ship, so
 * the reader can be offered to run it instead.
 */
export function offersPageVersion(pageText: string, shipped: string): boolean {
  return pageText !== shipped && pageTextKind(pageText, shipped) === 'whole'
}

function trimmedLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
}
