import { formatMessage } from '../format-message.js'
import { en, type MessageKey, type Messages } from '../locales/en.js'

/** The message table the widgets read: every engine message, UI strings included. */
export type ViewMessages = Messages

type Vars = Readonly<Record<string, string | number>>

/**
 * Merges English, a locale and single-message overrides into one table. The result is complete, so
 * a locale that lacks a key still shows English for it.
 */
export function resolveMessages(
  locale?: Partial<Messages> | undefined,
  overrides?: Partial<ViewMessages> | undefined,
): ViewMessages {
  return { ...en, ...locale, ...overrides }
}

/** Looks a string up and fills its placeholders. */
export function viewText(messages: ViewMessages, key: MessageKey, vars?: Vars): string {
  return formatMessage(messages, key, vars)
}
