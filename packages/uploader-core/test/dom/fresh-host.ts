import { afterEach, beforeEach } from 'vitest'
import { installObjectUrls } from './object-urls.js'

/**
 * Registers a fresh element in the document for each test (with jsdom stand-ins for object URLs),
 * removed after it; returns the current test's element.
 */
export function freshHost(): () => HTMLElement {
  let host: HTMLElement | undefined
  let urls: ReturnType<typeof installObjectUrls> | undefined
  beforeEach(() => {
    host = document.createElement('div')
    document.body.append(host)
    urls = installObjectUrls()
  })
  afterEach(() => {
    host?.remove()
    urls?.restore()
  })
  return () => host as HTMLElement
}
