import { formatMessage } from './format-message.js'
import type { enErrors } from './locales/en-errors.js'
import type { UploadErrorCode } from './types.js'
import { UploadError, type UploadErrorInit } from './upload-error.js'

/** Builds UploadErrors with localised, plain-language messages. */
export type ErrorFactory = (
  code: UploadErrorCode,
  init?: UploadErrorInit,
  vars?: Readonly<Record<string, string | number>>,
) => UploadError

/** The messages the engine itself needs: one per error code, plus the request-id suffix. */
export type ErrorMessages = { readonly [K in Exclude<keyof typeof enErrors, 'lang'>]: string } & {
  readonly lang?: string
}

export function createErrorFactory(messages: ErrorMessages): ErrorFactory {
  return (code, init = {}, vars = {}) => {
    const key = init.messageKey ?? code
    let message = formatMessage(messages, key, { detail: init.serverMessage ?? '', ...vars }).trim()
    if (init.requestId) message += ` ${formatMessage(messages, 'requestId', { requestId: init.requestId })}`
    return new UploadError(code, message, init)
  }
}
