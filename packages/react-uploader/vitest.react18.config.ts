import { fileURLToPath } from 'node:url'
import { defineConfig, mergeConfig } from 'vitest/config'
import { sourceResolve } from '../../vitest.shared.js'

// React 18 lives in the harness package's own node_modules (react, react-dom, @testing-library/react).
const harness = (path: string) => fileURLToPath(new URL(`./react18/node_modules/${path}`, import.meta.url))

export default mergeConfig(
  sourceResolve,
  defineConfig({
    resolve: {
      alias: [
        { find: /^react$/, replacement: harness('react') },
        { find: /^react\/(.+)$/, replacement: harness('react/$1') },
        { find: /^react-dom$/, replacement: harness('react-dom') },
        { find: /^react-dom\/(.+)$/, replacement: harness('react-dom/$1') },
        { find: /^@testing-library\/react$/, replacement: harness('@testing-library/react') },
      ],
      dedupe: ['react', 'react-dom'],
    },
    test: {
      name: 'react-uploader-react18',
      environment: 'jsdom',
      include: ['test/**/*.test.{ts,tsx}'],
      setupFiles: ['./test/setup.ts'],
      testTimeout: 20_000,
      env: { UPKIT_EXPECT_REACT: '18' },
    },
  }),
)
