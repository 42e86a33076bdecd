import type { ApiError } from './api-error.js'
import { badRequest } from './api-error.js'
import { messages } from './messages.js'

/**
 * The tokens of ImageKit's `checks` (upload docs, "Upload API Checks",
 * https://imagekit.io/docs/api-reference/upload-file/upload-file#upload-api-checks): strings in
 * single or double quotes (`'file.size' < '1MB'`, `"request.folder" : "marketing/"`), bare numbers
 * (`<= 1500`), `true` / `false` (`"request.useUniqueFileName" = true`), bare words (`: image`,
 * `= hevc`, `NOT = marketing`) which also carry the keywords AND, OR, NOT, IN, HAS, the operators
 * `= : < <= > >=` and `( ) [ ] ,`. `at` is the offset of the token in the input.
 */
export type ChecksToken =
  | { type: 'string'; value: string; raw: string; at: number }
  | { type: 'number'; value: number; raw: string; at: number }
  | { type: 'boolean'; value: boolean; raw: string; at: number }
  | { type: 'word'; value: string; raw: string; at: number }
  | { type: 'symbol'; value: string; raw: string; at: number }

const SPACE = /\s*/y
const QUOTED = /(["'])((?:\\.|(?!\1)[^\\])*)\1/y
const SYMBOL = /<=|>=|[=:<>()[\],]/y
const NUMBER = /-?\d+(?:\.\d+)?(?![^\s=:<>()[\],"'])/y
const WORD = /[A-Za-z_][^\s=:<>()[\],"']*/y
const BARE_RUN = /[^\s=:<>()[\],"']+/y
const SNIPPET = 24

/** A 400 with ImageKit's sentence for bad checks, then the emulator's `detail`. */
export const checksSyntaxError = (detail: string): ApiError => badRequest(messages.checksSyntax(detail))

/** "Could not parse '<part>' at character N[: why]." — N counts from 1. */
export function couldNotParse(part: string, at: number, why?: string): ApiError {
  const shown = part.length > SNIPPET ? `${part.slice(0, SNIPPET)}…` : part
  return checksSyntaxError(`Could not parse '${shown}' at character ${at + 1}${why ? `: ${why}` : ''}.`)
}

function match(pattern: RegExp, input: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at
  return pattern.exec(input)
}

/** Why the text at `at` is not a token (for the detail of the syntax error). */
function unreadable(input: string, at: number): ApiError {
  const rest = input.slice(at)
  if (rest.startsWith('!=')) return couldNotParse(rest, at, "'!=' is not an operator of checks, use NOT =")
  if (/^["']/.test(rest)) return couldNotParse(rest, at, 'the quote is not closed')
  const run = match(BARE_RUN, input, at)
  if (run && /^-?\d/.test(run[0])) {
    return couldNotParse(run[0], at, `quote values that are not plain numbers, e.g. '1mb'`)
  }
  return couldNotParse(rest, at)
}

function readToken(input: string, at: number): ChecksToken | undefined {
  const quoted = match(QUOTED, input, at)
  if (quoted) {
    const value = (quoted[2] ?? '').replace(/\\(.)/g, '$1')
    return { type: 'string', value, raw: quoted[0], at }
  }
  const symbol = match(SYMBOL, input, at)
  if (symbol) return { type: 'symbol', value: symbol[0], raw: symbol[0], at }
  const number = match(NUMBER, input, at)
  if (number) return { type: 'number', value: Number(number[0]), raw: number[0], at }
  const word = match(WORD, input, at)
  if (!word) return undefined
  const raw = word[0]
  if (raw === 'true' || raw === 'false') return { type: 'boolean', value: raw === 'true', raw, at }
  return { type: 'word', value: raw, raw, at }
}

/** Split `input` into tokens; throws the checks syntax error, naming the part it could not read. */
export function lexChecks(input: string): ChecksToken[] {
  const tokens: ChecksToken[] = []
  let at = match(SPACE, input, 0)?.[0].length ?? 0
  while (at < input.length) {
    const token = readToken(input, at)
    if (!token) throw unreadable(input, at)
    tokens.push(token)
    at += token.raw.length
    at += match(SPACE, input, at)?.[0].length ?? 0
  }
  return tokens
}
