/**
 * `@upkit/test-support`: helpers shared by the uploader-core and react-uploader suites (private, never
 * published). Real servers on port 0 for jsdom's origin, a scripted `Uploader`, file and snapshot fixtures.
 * It reaches uploader-core's source by relative path rather than as a workspace dependency: uploader-core's
 * own suites use these helpers, and a dependency both ways would be a workspace cycle (pnpm warns on install).
 */
export { FakeUploader } from './fake-uploader.js'
export { dispatchWith, png, transferOf } from './files.js'
export { fakeFile, fakeSnapshot } from './fixtures.js'
export { resetEmulator } from './reset.js'
export {
  ORIGIN,
  type Servers,
  type ServersOptions,
  startHangingServer,
  startServers,
} from './servers.js'
