import {
  defaultKeymap,
  history,
  historyKeymap,
  indentWithTab,
  undo,
  undoDepth,
} from '@codemirror/commands'
import { javascript } from '@codemirror/lang-javascript'
import { bracketMatching, indentOnInput } from '@codemirror/language'
import {
  Annotation,
  Compartment,
  EditorState,
  Transaction,
} from '@codemirror/state'
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  keymap,
} from '@codemirror/view'
import { errorLine, setErrorLine } from './error-line'
import { githubTheme } from './github-theme'

/** Options of {@link createFileEditor}. */
export interface FileEditorOptions {
  /** Where the editor goes. */
  parent: HTMLElement
  doc: string
  /** The editable area's accessible name, such as `Edit config/session.js`. */
  label: string
  /** The id of an element that says how to leave the editor by keyboard. */
  describedBy: string
  isDark: boolean
  /** The reader changed the text, by typing, undo, Reset and the like. */
  onChange(text: string): void
  /** The undo history grew or shrank. */
  onHistory(undoDepth: number): void
}

/** An editor of one file; the component that made it destroys it. */
export interface FileEditor {
  /**
   * Puts `text` in the editor as one step the reader can undo, as Reset and
   * "Use the page's version" do.
   */
  replace(text: string): void
  /** Follows a change made elsewhere; the reader's undo history skips it. */
  sync(text: string): void
  undo(): void
  /** Marks the 1-based line a lift failed on; null clears the mark. */
  markError(line: number | null): void
  setDark(isDark: boolean): void
  focus(): void
  destroy(): void
}

/** A change that came from the store, not from the reader. */
const external = Annotation.define<boolean>()

/**
 * A CodeMirror editor in the page's code-block look: JavaScript, the page's
 * Shiki colours, Tab to indent (Escape then Tab leaves, as CodeMirror's tab
 * focus mode does), undo history, and a mark for the line a lift failed on.
 */
export function createFileEditor(options: FileEditorOptions): FileEditor {
  const colours = new Compartment()
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        javascript(),
        errorLine(),
        colours.of(githubTheme(options.isDark)),
        EditorView.contentAttributes.of({
          // Long lines scroll sideways; axe wants a scrolling region to hold
          // something in the tab order, and does not count contenteditable.
          tabindex: '0',
          'aria-label': options.label,
          'aria-describedby': options.describedBy,
        }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return
          const fromStore = update.transactions.some((tr) =>
            tr.annotation(external),
          )
          if (!fromStore) options.onChange(update.state.doc.toString())
          options.onHistory(undoDepth(update.state))
        }),
      ],
    }),
  })

  const replaceAll = (text: string, fromStore: boolean) => {
    if (text === view.state.doc.toString()) return
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: text },
      annotations: fromStore
        ? [external.of(true), Transaction.addToHistory.of(false)]
        : [Transaction.userEvent.of('input.replace')],
    })
  }

  return {
    replace: (text) => replaceAll(text, false),
    sync: (text) => replaceAll(text, true),
    undo: () => undo(view),
    markError: (line) => view.dispatch({ effects: setErrorLine.of(line) }),
    setDark: (isDark) =>
      view.dispatch({ effects: colours.reconfigure(githubTheme(isDark)) }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  }
}
