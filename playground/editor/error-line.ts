import { StateEffect, StateField, type Extension } from '@codemirror/state'
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view'

/** Marks a 1-based line as the one the last lift failed on; null clears it. */
export const setErrorLine = StateEffect.define<number | null>()

const mark = Decoration.line({
  class: 'cm-live-error-line',
  attributes: { 'data-error-line': 'true' },
})

const errorLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    // The mark follows its line as the reader types above it.
    let next = decorations.map(transaction.changes)
    for (const effect of transaction.effects) {
      if (!effect.is(setErrorLine)) continue
      const line = effect.value
      const doc = transaction.state.doc
      next =
        line !== null && line >= 1 && line <= doc.lines
          ? Decoration.set(mark.range(doc.line(line).from))
          : Decoration.none
    }
    return next
  },
  provide: (field) => EditorView.decorations.from(field),
})

const errorLineTheme = EditorView.baseTheme({
  '.cm-live-error-line': {
    backgroundColor: 'rgba(244, 63, 94, 0.16)',
    boxShadow: 'inset 3px 0 0 #e11d48',
  },
})

/** The line decoration for lift errors; send {@link setErrorLine} to move it. */
export function errorLine(): Extension {
  return [errorLineField, errorLineTheme]
}
