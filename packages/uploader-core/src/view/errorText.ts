import type { FileError } from '../types.js'
import { type ViewMessages, viewText } from './strings.js'

/**
 * The text shown for a failed file: the engine's localised message, followed by ImageKit's request id
 * when there is one and the message does not already carry it.
 */
export function errorText(error: FileError | undefined, messages: ViewMessages): string {
  if (!error) return ''
  const message = error.message.trim()
  if (!error.requestId || message.includes(error.requestId)) return message
  return `${message} ${viewText(messages, 'requestId', { requestId: error.requestId })}`
}

/** The text for a restriction rejection: names the file; the engine's message names the limit. */
export function rejectionText(name: string, message: string, messages: ViewMessages): string {
  if (message.includes(name)) return message
  return viewText(messages, 'rejected', { name, message })
}
