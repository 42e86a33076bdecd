'use client'
import type { UploaderOptions } from '@upkit/uploader-core'
import { engineMessages, type ResolvedLocale } from './locale.js'
import type { EngineProps, UploaderProps, WidgetProps } from './types.js'

const WIDGET_KEYS: ReadonlySet<string> = new Set<keyof WidgetProps | 'uploader'>([
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
  'disabled',
  'uploadButton',
  'onSuccess',
  'onError',
  'onRejected',
  'onComplete',
  'onProgress',
  'uploader',
])

/** The engine options inside `<Uploader>`'s props (undefined ones left out), uploading on add by default. */
export function engineOptionsFromProps(props: UploaderProps, locale: ResolvedLocale): UploaderOptions {
  const options: Record<string, unknown> = { autoUpload: true }
  for (const [key, value] of Object.entries(props)) {
    if (!WIDGET_KEYS.has(key) && value !== undefined) options[key] = value
  }
  options.locale = locale.engine
  const messages = engineMessages(props.messages)
  if (messages) options.messages = messages
  return options as unknown as EngineProps & Pick<UploaderOptions, 'locale'>
}
