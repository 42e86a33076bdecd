import { en } from '../locales/en.js'
import type { Messages } from '../types.js'
import { resolveMessages, type ViewMessages } from '../view/index.js'

/** The messages a widget uses, resolved once at mount. */
export interface ResolvedLocale {
  /** For the engine's `locale` option. */
  engine: Messages
  /** Everything the widget shows. */
  view: ViewMessages
  /** BCP 47 tag for number formatting (sizes, speed, time left). */
  intl: string | undefined
}

/**
 * Resolves `locale`, `messages` and `intlLocale` the same way `<Uploader>` does: a locale table (`en`
 * unless given) with single overrides on top; without a locale, numbers are formatted as English.
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
