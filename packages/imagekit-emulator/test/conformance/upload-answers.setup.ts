// vitest setupFiles: every 200 upload answer any test gets from an in-process emulator must match
// ImageKit's `Upload` schema (upload-response.schema.json); the test that got one that does not fails.
import { afterAll, afterEach } from 'vitest'
import { assertConforming, UploadAnswerWatch } from './upload-answer-watch.js'

const watch = new UploadAnswerWatch()

afterEach(() => assertConforming(watch.take(), 'in this test (or its beforeAll)'))
afterAll(() => {
  try {
    assertConforming(watch.take(), 'after the last test (in afterAll)')
  } finally {
    watch.stop()
  }
})
