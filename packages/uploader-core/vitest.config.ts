import { defineConfig, mergeConfig } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.js'

export default mergeConfig(
  sourceResolve,
  defineConfig({
    test: {
      name: 'uploader-core',
      environment: 'jsdom',
      include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
    },
  }),
)
