import { fileDetails } from './file-details.js'
import type { StoredFile } from './types.js'
import type { UploadParams } from './upload-params.js'
import type { WebhookSender } from './webhook-sender.js'

/**
 * The events of one stored upload, named and shaped after the SDK's src/resources/webhooks.ts:
 * `file.created` (a new file) or `file-version.created` (an overwrite), each with the file object;
 * `upload.pre-transform.success` (data: the upload answer) and one `upload.post-transform.success`
 * per post step (data: fileId, name, url) when `transformation` asked for them. The emulator does
 * not transform, so these report success at once.
 */
export function sendUploadEvents(
  webhooks: WebhookSender,
  stored: StoredFile,
  params: UploadParams,
  answer: Record<string, unknown>,
  requestId: string,
): void {
  webhooks.send(stored.version === 1 ? 'file.created' : 'file-version.created', fileDetails(stored))
  const pre = params.transformation?.pre
  if (pre !== undefined) {
    webhooks.send('upload.pre-transform.success', answer, { transformation: pre, x_request_id: requestId })
  }
  for (const step of params.transformation?.post ?? []) {
    const data = { fileId: stored.fileId, name: stored.name, url: stored.url }
    webhooks.send('upload.post-transform.success', data, { transformation: step, x_request_id: requestId })
  }
}
