/**
 * `@upkit/uploader-core/dom`: the framework-free widget. `mount(element, options)` draws the same
 * drop zone, file list, progress and messages as the React `<Uploader>`.
 */
export { mount } from './mount.js'
export type {
  EngineMountOptions,
  MountCallbacks,
  MountedWidget,
  MountOptions,
  WidgetOptions,
} from './options.js'
