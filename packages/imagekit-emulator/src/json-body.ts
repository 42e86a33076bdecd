import type { IncomingMessage } from 'node:http'
import { badRequest } from './api-error.js'

export interface JsonBodyRules {
  maxBytes: number
  tooLarge: string
  invalid: string
}

/** Read a small JSON body: undefined when empty, a 400 with `rules`' messages when too big or not JSON. */
export async function readJsonBody(req: IncomingMessage, rules: JsonBodyRules): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > rules.maxBytes) throw badRequest(rules.tooLarge)
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8').trim()
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw badRequest(rules.invalid)
  }
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
