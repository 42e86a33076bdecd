import { describe, expect, it } from 'vitest'
import { HELP, messages } from '../../src/messages.js'
import { harness, stopHarness } from '../helpers.js'
import { mediaCases } from './media-message-cases.js'
import type { MessageCase, MessageKey } from './message-requests.js'
import { uploadCases } from './upload-message-cases.js'

const cases = { ...uploadCases, ...mediaCases }
const keys = Object.keys(messages) as MessageKey[]

describe('messages.ts, each one produced by a real HTTP request', () => {
  it('has a case for every message (add one to upload- or media-message-cases.ts)', () => {
    const missing = keys.filter((key) => !(key in cases))
    expect(missing, `messages.ts keys without a case: ${missing.join(', ')}`).toEqual([])
    const stale = Object.keys(cases).filter((key) => !(key in messages))
    expect(stale, `cases for keys messages.ts no longer has: ${stale.join(', ')}`).toEqual([])
  })

  it.each(Object.entries(cases) as [MessageKey, MessageCase][])(
    '%s: the status, the exact message and help',
    async (_key, { status, message, help = true, options, send }) => {
      const h = await harness(options)
      try {
        const answer = await send(h)
        expect({ status: answer.status, message: answer.body.message, help: answer.body.help }).toEqual({
          status,
          message,
          help: help ? HELP : undefined,
        })
      } finally {
        await stopHarness(h)
      }
    },
  )
})
