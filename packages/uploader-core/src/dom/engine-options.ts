import type { UploaderOptions } from '../types.js'
import { engineMessages, type ResolvedLocale } from './locale.js'
import type { MountOptions, WidgetOptions } from './options.js'

const WIDGET_KEYS: ReadonlySet<string> = new Set<keyof WidgetOptions | 'uploader'>([
  'className',
  'unstyled',
  'theme',
  'locale',
  'messages',
  'intlLocale',
  'keepUploadsOnUnmount',
  'multiple',
  'accept',
  'capture',
  'pasteOnDocument',
  'uploadButton',
  'disabled',
  'onSuccess',
  'onError',
  'onRejected',
  'onComplete',
  'onProgress',
  'uploader',
])

/** The engine options inside `mount`'s options (undefined ones left out), uploading on add by default. */
export function engineOptionsFrom(options: MountOptions, locale: ResolvedLocale): UploaderOptions {
  const engine: Record<string, unknown> = { autoUpload: true }
  for (const [key, value] of Object.entries(options)) {
    if (!WIDGET_KEYS.has(key) && value !== undefined) engine[key] = value
  }
  engine.locale = locale.engine
  const messages = engineMessages(options.messages)
  if (messages) engine.messages = messages
  return engine as unknown as UploaderOptions
}
