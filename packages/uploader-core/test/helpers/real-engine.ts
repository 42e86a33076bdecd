import type { Servers } from '@upkit/test-support'
import { expect } from 'vitest'
import { createUploader, type UploaderOptions } from '../../src/index.js'
import { countingXhr } from './counting-xhr.js'

/** A real engine against the suite's servers (fast retries, 2 s stall timeout), its XHRs counted. */
export function makeEngine(servers: Servers, overrides: Partial<UploaderOptions> = {}) {
  const xhr = countingXhr()
  const uploader = createUploader({
    publicKey: servers.publicKey,
    auth: servers.authUrl,
    uploadEndpoint: servers.emulator.uploadUrl,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    stallTimeoutMs: 2000,
    xhr: xhr.xhr,
    ...overrides,
  })
  return { uploader, counter: xhr.counter }
}

/** Nothing is uploading any more, and there are files. */
export const idle = (snap: { isUploading: boolean; files: readonly unknown[] }) =>
  !snap.isUploading && snap.files.length > 0

/** Every attempt the emulator saw carried its own token; returns them in order of arrival. */
export function expectDistinctTokens(servers: Servers): string[] {
  const tokens = servers.emulator.stats().tokensUsed
  expect(new Set(tokens).size).toBe(tokens.length)
  return tokens
}
