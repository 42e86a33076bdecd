import { defineConfig, mergeConfig } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.js'

export default mergeConfig(
  sourceResolve,
  defineConfig({
    test: {
      name: 'imagekit-emulator',
      environment: 'node',
      include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
      // Every 200 upload answer of every test is checked against ImageKit's schema (README, Conformance).
      setupFiles: ['test/conformance/upload-answers.setup.ts'],
    },
  }),
)
