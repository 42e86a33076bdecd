import { defaultClientConditions, defaultServerConditions, type UserConfig } from 'vite'

/** Resolve workspace packages to their TypeScript source, so tests need no build step. */
export const sourceResolve: UserConfig = {
  resolve: { conditions: ['@upkit/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@upkit/source', ...defaultServerConditions] } },
}
