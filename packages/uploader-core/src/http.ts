/** JSON of a response body, or undefined when it is not JSON (an HTML error page, an empty body). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Statuses worth another try: timeout, rate limit, server trouble (0 = no answer at all). */
export const isRetryableStatus = (status: number): boolean =>
  status === 0 || status === 408 || status === 429 || status >= 500

/** Reports a bug-level failure nobody awaits (a rejected task), without breaking the caller. */
export const logError = (error: unknown): void => console.error('[upkit]', error)
