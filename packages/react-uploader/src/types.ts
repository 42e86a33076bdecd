'use client'
import type {
  WidgetCallbacks,
  WidgetEngineOptions,
  WidgetEngineSource,
  WidgetOptions,
} from '@upkit/uploader-core/view'

/** Engine options as props (`locale`/`messages` are widened for the widget). */
export type EngineProps = WidgetEngineOptions

/** Notices from the engine (the same as `mount`'s callback options). */
export type UploaderCallbacks = WidgetCallbacks

/** The widget's own props: how it looks and behaves (everything that is not an engine option). */
export interface WidgetProps extends WidgetOptions {
  /** Keep uploading after the component unmounts (the engine stops once they finish). @default false */
  keepUploadsOnUnmount?: boolean
}

/** Props of `<Uploader>`: engine options, or an existing `uploader` instead of them. */
export type UploaderProps = WidgetProps & WidgetEngineSource
