import { en } from '../locales/en.js'
import type { Messages } from '../types.js'
import { resolveMessages, type ViewMessages } from './strings.js'

/** The messages a widget uses, resolved once (at mount, or when the props change). */
export interface ResolvedLocale {
  /** For the engine's `locale` option. */
  engine: Messages
  /** Everything the widget shows. */
  view: ViewMessages
  /** BCP 47 tag for number formatting (sizes, speed, time left). */
  intl: string | undefined
}

/**
 * Resolves a widget's `locale`, `messages` and `intlLocale`: a locale table (`en` unless given; import
 * `de`/`fr` from `@upkit/uploader-core` so unused locales stay out of the bundle) with single overrides
 * on top. Without a locale, numbers are formatted as English; with one, pass `intlLocale` too.
 */
export function resolveLocale(
  locale: Messages | undefined,
  messages: Partial<ViewMessages> | undefined,
  intlLocale: string | undefined,
): ResolvedLocale {
  const engine = locale ?? en
  return { engine, view: resolveMessages(engine, messages), intl: intlLocale ?? (locale ? undefined : 'en') }
}
