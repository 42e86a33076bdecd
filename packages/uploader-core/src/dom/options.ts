import type { Uploader } from '../types.js'
import type {
  WidgetOptions as SharedWidgetOptions,
  WidgetCallbacks,
  WidgetEngineOptions,
  WidgetEngineSource,
} from '../view/index.js'

/** Notices from the engine, the same as `<Uploader>`'s callback props. */
export type MountCallbacks = WidgetCallbacks

/** How the widget looks and behaves (everything that is not an engine option). */
export interface WidgetOptions extends SharedWidgetOptions {
  /**
   * Let running uploads finish after `unmount()`: the callbacks keep reporting them, and an engine that
   * `mount` created is destroyed once they are done. @default false
   */
  keepUploadsOnUnmount?: boolean
}

/** Engine options as given to `mount` (`locale`/`messages` are widened for the widget). */
export type EngineMountOptions = WidgetEngineOptions

/**
 * Options of {@link mount}: the engine's options (`publicKey`, `auth`, `params`, `restrictions`, …),
 * or an existing `uploader` instead of them, plus the widget's own options.
 */
export type MountOptions = WidgetOptions & WidgetEngineSource

/** What {@link mount} returns. */
export interface MountedWidget {
  /** The engine behind the widget (the one passed in, or the one `mount` created). */
  readonly uploader: Uploader
  /**
   * Removes the widget: listeners, subscriptions and object URLs are released and the element is
   * emptied. An engine that `mount` created is destroyed (its uploads cancelled, unless
   * `keepUploadsOnUnmount`); one passed in is left running. Calling it again does nothing.
   */
  unmount(): void
}
