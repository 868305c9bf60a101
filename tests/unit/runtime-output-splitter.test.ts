import { describe, expect, it } from 'vitest'
import type { SessionEvent } from '../../playground/inspector/session-event'
import { createOutputSplitter } from '../../playground/session/output-splitter'

const lift = {
  type: 'lift',
  time: '2026-01-01T00:00:00.000Z',
  url: 'http://127.0.0.1:1337',
  store: { kind: 'memory', sessions: 0, ttl: null, reachable: true },
}
const line = `@@session-event ${JSON.stringify(lift)}`

function split(chunks: string[]) {
  const text: string[] = []
  const events: SessionEvent[] = []
  const splitter = createOutputSplitter({
    onText: (t) => text.push(t),
    onEvent: (e) => events.push(e),
  })
  for (const chunk of chunks) splitter.push(chunk)
  splitter.flush()
  return { text: text.join(''), events }
}

describe('splitting process output into terminal text and session events', () => {
  it('passes ordinary output through unchanged', () => {
    expect(split(['hello\r\nworld\n']).text).toBe('hello\r\nworld\n')
  })

  it('takes an event line out of the text and emits it', () => {
    const { text, events } = split([`before\n${line}\r\nafter\n`])
    expect(text).toBe('before\nafter\n')
    expect(events).toEqual([lift])
  })

  it('joins an event line split across chunks', () => {
    const cut = 20
    const { text, events } = split([
      'a\n' + line.slice(0, cut),
      line.slice(cut) + '\nb\n',
    ])
    expect(events).toEqual([lift])
    expect(text).toBe('a\nb\n')
  })

  it('shows a prompt without a line end at once', () => {
    const text: string[] = []
    const splitter = createOutputSplitter({
      onText: (t) => text.push(t),
      onEvent: () => {},
    })
    splitter.push('Password: ')
    expect(text).toEqual(['Password: '])
  })

  it('keeps a marker line with broken JSON as text', () => {
    const { text, events } = split(['@@session-event {oops\n'])
    expect(events).toEqual([])
    expect(text).toBe('@@session-event {oops\n')
  })
})
