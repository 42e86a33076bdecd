import { badRequest } from './api-error.js'
import { messages } from './messages.js'

/**
 * The `searchQuery` of GET /v1/files, parsed: ImageKit's "Lucene-like" language as GB-docs
 * media-api/list-and-search-files.md ("Advanced search queries", "Supported parameters") shows it:
 * `field operator value`, combined with AND / OR and parentheses; operators `=`, `:`, `<`, `<=`,
 * `>`, `>=`, `IN`, `NOT =`, `NOT IN`; values in double quotes, bare numbers / booleans / relative
 * times, or `[a, b]` lists. Anything else is refused with a 400 (GUESS: the wording).
 */
export type SearchValue = string | number | boolean | SearchValue[]
export type SearchOperator = '=' | ':' | '<' | '<=' | '>' | '>=' | 'IN' | 'NOT =' | 'NOT IN' | 'NOT :'

export type SearchNode =
  | { kind: 'cmp'; field: string; op: SearchOperator; value: SearchValue }
  | { kind: 'and' | 'or'; left: SearchNode; right: SearchNode }

type Token =
  | { type: 'string'; text: string }
  | { type: 'word'; text: string }
  | { type: 'punct'; text: string }

const TOKEN = /\s*(?:"((?:[^"\\]|\\.)*)"|(<=|>=|[=:<>()[\],])|([^\s"=:<>()[\],]+))/y
const syntaxError = () => badRequest(messages.invalidSearchQuery)

function tokenize(input: string): Token[] {
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  while (!/^\s*$/.test(input.slice(TOKEN.lastIndex))) {
    const match = TOKEN.exec(input)
    if (!match) throw syntaxError()
    if (match[1] !== undefined) tokens.push({ type: 'string', text: match[1].replace(/\\(.)/g, '$1') })
    else if (match[2] !== undefined) tokens.push({ type: 'punct', text: match[2] })
    else tokens.push({ type: 'word', text: match[3] ?? '' })
  }
  return tokens
}

const isKeyword = (token: Token | undefined, keyword: string) =>
  token?.type === 'word' && token.text.toUpperCase() === keyword

class Parser {
  #tokens: Token[]
  #at = 0

  constructor(tokens: Token[]) {
    this.#tokens = tokens
  }

  parse(): SearchNode {
    const node = this.#or()
    if (this.#at !== this.#tokens.length) throw syntaxError()
    return node
  }

  #peek(): Token | undefined {
    return this.#tokens[this.#at]
  }

  #next(): Token {
    const token = this.#tokens[this.#at++]
    if (!token) throw syntaxError()
    return token
  }

  #acceptPunct(text: string): boolean {
    const token = this.#peek()
    if (token?.type !== 'punct' || token.text !== text) return false
    this.#at++
    return true
  }

  #or(): SearchNode {
    let left = this.#and()
    while (isKeyword(this.#peek(), 'OR')) {
      this.#at++
      left = { kind: 'or', left, right: this.#and() }
    }
    return left
  }

  #and(): SearchNode {
    let left = this.#primary()
    while (isKeyword(this.#peek(), 'AND')) {
      this.#at++
      left = { kind: 'and', left, right: this.#primary() }
    }
    return left
  }

  #primary(): SearchNode {
    if (this.#acceptPunct('(')) {
      const node = this.#or()
      if (!this.#acceptPunct(')')) throw syntaxError()
      return node
    }
    const field = this.#next()
    if (field.type === 'punct') throw syntaxError()
    const op = this.#operator()
    const value = op === 'IN' || op === 'NOT IN' ? this.#list() : this.#scalar()
    return { kind: 'cmp', field: field.text, op, value }
  }

  #operator(): SearchOperator {
    const token = this.#next()
    if (isKeyword(token, 'IN')) return 'IN'
    if (isKeyword(token, 'NOT')) {
      const after = this.#next()
      if (isKeyword(after, 'IN')) return 'NOT IN'
      if (after.type === 'punct' && (after.text === '=' || after.text === ':')) return `NOT ${after.text}`
      throw syntaxError()
    }
    if (token.type === 'punct' && ['=', ':', '<', '<=', '>', '>='].includes(token.text)) {
      return token.text as SearchOperator
    }
    throw syntaxError()
  }

  #list(): SearchValue[] {
    if (!this.#acceptPunct('[')) throw syntaxError()
    const values: SearchValue[] = []
    if (this.#acceptPunct(']')) return values
    do values.push(this.#scalar())
    while (this.#acceptPunct(','))
    if (!this.#acceptPunct(']')) throw syntaxError()
    return values
  }

  #scalar(): SearchValue {
    const token = this.#next()
    if (token.type === 'string') return token.text
    if (token.type !== 'word') throw syntaxError()
    if (token.text === 'true' || token.text === 'false') return token.text === 'true'
    const number = Number(token.text)
    return Number.isFinite(number) ? number : token.text
  }
}

/** Parse a searchQuery; a 400 for anything outside the grammar above. */
export function parseSearchQuery(input: string): SearchNode {
  return new Parser(tokenize(input)).parse()
}
