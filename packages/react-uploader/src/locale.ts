'use client'
import { en, type Messages } from '@upkit/uploader-core'
import { resolveMessages, type ViewMessages } from '@upkit/uploader-core/view'

export interface ResolvedLocale {
  /** For the engine's `locale` option. */
  engine: Messages
  /** Everything the widget shows. */
  view: ViewMessages
  /** BCP 47 tag for number formatting (sizes, speed, time left). */
  intl: string | undefined
}

/**
 * The widget's strings: a locale table (`en` unless given; import `de`/`fr` from
 * `@upkit/uploader-core` so unused locales stay out of the bundle) with single overrides on top.
 * Without a locale, numbers are formatted as English; with one, pass `intlLocale` too.
 */
export function resolveLocale(
  locale: Messages | undefined,
  messages: Partial<ViewMessages> | undefined,
  intlLocale: string | undefined,
): ResolvedLocale {
  const engine = locale ?? en
  return { engine, view: resolveMessages(engine, messages), intl: intlLocale ?? (locale ? undefined : 'en') }
}

/** Only the keys the engine knows, for its `messages` option. */
export function engineMessages(messages: Partial<ViewMessages> | undefined): Partial<Messages> | undefined {
  if (!messages) return undefined
  const out: Partial<Record<keyof Messages, string>> = {}
  for (const [key, value] of Object.entries(messages)) {
    if (key in en && typeof value === 'string') out[key as keyof Messages] = value
  }
  return out
}
