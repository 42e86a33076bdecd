import { createUploader, type UploaderOptions } from '../../src/index.js'
import { FakeUploadServer, fakeSigner } from './fake-xhr.js'

/** An uploader on a fake upload server and a fake GET signing route, with millisecond retries. */
export function setupUploader(overrides: Partial<UploaderOptions> = {}) {
  const server = new FakeUploadServer()
  const signer = fakeSigner()
  const uploader = createUploader({
    publicKey: 'public_test',
    auth: 'https://app.example/api/imagekit/auth',
    xhr: server.xhr,
    fetch: signer.fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  })
  return { server, signer, uploader }
}

/** Every file has ended (nothing uploading) and there is at least one. */
export const settled = (s: { isUploading: boolean; files: readonly unknown[] }) =>
  !s.isUploading && s.files.length > 0
