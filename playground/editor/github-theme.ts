import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import type { Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { tags as t } from '@lezer/highlight'

/**
 * The token colours of Shiki's `github-light` and `github-dark` themes, which
 * VitePress uses for the page's code blocks, so a block keeps its colours
 * when it becomes an editor. Three are a shade darker or lighter than
 * GitHub's, because on VitePress's code background GitHub's light keywords
 * and comments and its dark comments miss WCAG AA contrast (4.5:1): light
 * keyword #d73a49 → #c4313d, light comment #6a737d → #5f6670, dark comment
 * #6a737d → #8b949e (the comment colour of GitHub's newer dark theme).
 */
interface Palette {
  text: string
  keyword: string
  string: string
  comment: string
  constant: string
  func: string
  invalid: string
  cursor: string
  selection: string
  activeLine: string
}

const light: Palette = {
  text: '#24292e',
  keyword: '#c4313d',
  string: '#032f62',
  comment: '#5f6670',
  constant: '#005cc5',
  func: '#6f42c1',
  invalid: '#b31d28',
  cursor: '#24292e',
  selection: '#0366d625',
  activeLine: '#0000000a',
}

const dark: Palette = {
  text: '#e1e4e8',
  keyword: '#f97583',
  string: '#9ecbff',
  comment: '#8b949e',
  constant: '#79b8ff',
  func: '#b392f0',
  invalid: '#fdaeb7',
  cursor: '#e1e4e8',
  selection: '#3392ff44',
  activeLine: '#ffffff0a',
}

function highlightStyle(c: Palette): HighlightStyle {
  return HighlightStyle.define([
    {
      tag: [
        t.keyword,
        t.operator,
        t.operatorKeyword,
        t.controlKeyword,
        t.definitionKeyword,
        t.moduleKeyword,
      ],
      color: c.keyword,
    },
    { tag: [t.string, t.special(t.string), t.regexp], color: c.string },
    { tag: [t.comment, t.lineComment, t.blockComment], color: c.comment },
    {
      tag: [
        t.number,
        t.bool,
        t.null,
        t.atom,
        t.self,
        t.constant(t.variableName),
        t.standard(t.variableName),
        t.definition(t.variableName),
      ],
      color: c.constant,
    },
    {
      tag: [
        t.function(t.variableName),
        t.function(t.propertyName),
        t.function(t.definition(t.variableName)),
        t.className,
        t.typeName,
      ],
      color: c.func,
    },
    { tag: t.invalid, color: c.invalid },
  ])
}

function editorTheme(c: Palette, isDark: boolean): Extension {
  return EditorView.theme(
    {
      '&': { color: c.text, backgroundColor: 'transparent' },
      '.cm-content': { caretColor: c.cursor },
      '.cm-cursor, .cm-dropCursor': { borderLeftColor: c.cursor },
      '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground':
        { backgroundColor: c.selection },
      '.cm-activeLine': { backgroundColor: c.activeLine },
      '.cm-matchingBracket': { outline: `1px solid ${c.comment}` },
    },
    { dark: isDark },
  )
}

const themes = {
  light: [editorTheme(light, false), syntaxHighlighting(highlightStyle(light))],
  dark: [editorTheme(dark, true), syntaxHighlighting(highlightStyle(dark))],
}

/** The editor's colours for the page's light or dark mode. */
export function githubTheme(isDark: boolean): Extension {
  return isDark ? themes.dark : themes.light
}
