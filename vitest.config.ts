import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'packages/react-uploader/vitest.react18.config.ts',
      'demo/vitest.config.ts',
    ],
  },
})
