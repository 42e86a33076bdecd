import { channel } from 'node:diagnostics_channel'

/**
 * The node:diagnostics_channel on which every 200 upload answer is published, as
 * `{ path: 'v1' | 'v2', body }`, in whichever emulator of the process sent it. It lets a test
 * setup check every answer against ImageKit's schema without each test passing an option; with no
 * subscriber, publishing costs nothing.
 */
export const UPLOAD_ANSWER_CHANNEL = 'upkit:imagekit-emulator:upload-answer'

export const uploadAnswers = channel(UPLOAD_ANSWER_CHANNEL)
