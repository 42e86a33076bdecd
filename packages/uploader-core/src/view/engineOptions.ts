import type { UploaderOptions } from '../types.js'
import type { ResolvedLocale } from './locale.js'
import { WIDGET_CHECKS, type WidgetEngineSource, type WidgetOptions } from './widgetOptions.js'

/** The widget's own keys (with their checks in widgetOptions.ts): never passed to the engine. */
const WIDGET_KEYS: ReadonlySet<string> = new Set(Object.keys(WIDGET_CHECKS))

/**
 * The engine options inside a widget's options (`<Uploader>`'s props, `mount`'s options): widget keys
 * and undefined values left out, uploading on add by default, with the resolved locale and overrides.
 */
export function engineOptionsFrom(
  options: WidgetOptions & WidgetEngineSource,
  locale: ResolvedLocale,
): UploaderOptions {
  const engine: Record<string, unknown> = { autoUpload: true }
  for (const [key, value] of Object.entries(options)) {
    if (!WIDGET_KEYS.has(key) && value !== undefined) engine[key] = value
  }
  engine.locale = locale.engine
  if (options.messages) engine.messages = options.messages
  return engine as unknown as UploaderOptions
}
