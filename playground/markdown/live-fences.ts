import { existsSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { MarkdownRenderer } from 'vitepress'

/** Options of {@link liveFences}. */
export interface LiveFencesOptions {
  /** The folder that holds one folder per example, such as `examples/`. */
  examplesDir: string
}

/** The word in a fence's info string that binds it to a file. */
export const LIVE_FLAG = 'live'

interface FenceEnv {
  frontmatter?: { example?: unknown }
  relativePath?: string
}

/**
 * Binds code fences to the files of a page's example.
 *
 * A page names its example in its frontmatter (`example: session-auth`); a
 * fence whose info string carries the word `live` is bound to the file its
 * `[title]` names:
 *
 * ````md
 * ```js [config/session.js] live
 * ````
 *
 * The fence still renders as VitePress renders it; its `<pre>` is wrapped in
 * a `<LiveFile>` that turns it into an editor once the example runs. A fence
 * bound to a file the example does not have fails the build.
 */
export function liveFences(md: MarkdownRenderer, options: LiveFencesOptions) {
  const render = md.renderer.rules.fence
  if (!render) {
    throw new Error(
      'liveFences must come after VitePress set up its fence renderer; add ' +
        'it in markdown.config, not before.',
    )
  }

  md.renderer.rules.fence = (tokens, idx, mdOptions, env: FenceEnv, self) => {
    // VitePress takes the title out of the info string as it renders, so
    // the binding is read first.
    const token = tokens[idx]
    const info = token?.info ?? ''
    const binding = readBinding(info)
    const html = render(tokens, idx, mdOptions, env, self)
    if (!token || !binding) return html

    const page = env.relativePath ?? 'a page'
    const example = env.frontmatter?.example
    const fence = `the fence "${info.trim()}"`
    if (typeof example !== 'string' || example === '') {
      throw new Error(
        `${page}: ${fence} is marked live, but the page names no example. ` +
          'Add `example: <folder under examples/>` to its frontmatter.',
      )
    }
    if (!binding.file) {
      throw new Error(
        `${page}: ${fence} is marked live but names no file. Give it the ` +
          'file as its title, such as ```js [config/session.js] live.',
      )
    }
    assertExampleHas(options.examplesDir, example, binding.file, page, fence)

    return wrapPre(html, {
      example,
      file: binding.file,
      pageText: token.content,
    })
  }
}

/** Reads `[file] live` from a fence's info string; null when not live. */
export function readBinding(info: string): { file: string | null } | null {
  const words = info
    .replace(/\[[^\]]*\]/g, ' ')
    .trim()
    .split(/\s+/)
  if (!words.slice(1).includes(LIVE_FLAG)) return null
  const title = /\[([^\]]+)\]/.exec(info)?.[1]?.trim()
  return { file: title || null }
}

function assertExampleHas(
  examplesDir: string,
  example: string,
  file: string,
  page: string,
  fence: string,
) {
  const root = join(examplesDir, example)
  if (!existsSync(root)) {
    throw new Error(
      `${page}: the page names the example "${example}", but ${root} does ` +
        'not exist. Fix the frontmatter or add the example.',
    )
  }
  const path = join(root, file)
  const inside = !file.split('/').includes('..') && !file.startsWith('/')
  if (!inside || !existsSync(path) || !statSync(path).isFile()) {
    throw new Error(
      `${page}: ${fence} is bound to ${file}, which the example ` +
        `"${example}" does not have. Fix the fence's title or add ` +
        `examples/${example}/${file}.`,
    )
  }
}

function wrapPre(
  html: string,
  props: { example: string; file: string; pageText: string },
): string {
  const start = html.indexOf('<pre')
  const end = html.lastIndexOf('</pre>')
  if (start === -1 || end === -1) return html
  const close = end + '</pre>'.length
  const attributes = [
    `example="${escapeAttribute(props.example)}"`,
    `file="${escapeAttribute(props.file)}"`,
    `page-text="${escapeAttribute(props.pageText)}"`,
  ].join(' ')
  return (
    html.slice(0, start) +
    `<LiveFile ${attributes}>` +
    html.slice(start, close) +
    '</LiveFile>' +
    html.slice(close)
  )
}

function escapeAttribute(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\n', '&#10;')
    .replaceAll('{', '&#123;')
    .replaceAll('}', '&#125;')
}
