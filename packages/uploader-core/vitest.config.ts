import { defineConfig, mergeConfig } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.js'

export default mergeConfig(
  sourceResolve,
  defineConfig({
    test: {
      name: 'uploader-core',
      environment: 'jsdom',
      include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
      // The emulator's conformance check: every 200 upload answer these tests get matches ImageKit's schema.
      setupFiles: [
        '../imagekit-emulator/test/conformance/upload-answers.setup.ts',
        '@upkit/test-support/uppy-online-timer',
      ],
    },
  }),
)
