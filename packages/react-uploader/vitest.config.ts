import { defineConfig, mergeConfig } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.js'

export default mergeConfig(
  sourceResolve,
  defineConfig({
    test: {
      name: 'react-uploader',
      environment: 'jsdom',
      include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
      setupFiles: ['./test/setup.ts'],
      testTimeout: 20_000,
      env: { UPKIT_EXPECT_REACT: '19' },
    },
  }),
)
