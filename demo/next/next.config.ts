import type { NextConfig } from 'next'

/**
 * The workspace packages are compiled from their TypeScript source (their `@upkit/source` export
 * condition), so `next build` needs no package build first. Turbopack can neither add an export condition
 * nor map `./x.js` imports to `./x.ts` yet (vercel/next.js#82945), so this app builds with webpack
 * (`next build --webpack`), whose resolver does both.
 */
const nextConfig: NextConfig = {
  transpilePackages: ['@upkit/uploader-core', '@upkit/react-uploader', '@upkit/auth-endpoint'],
  webpack(config: { resolve: { conditionNames?: string[]; extensionAlias?: Record<string, string[]> } }) {
    config.resolve.conditionNames = ['@upkit/source', ...(config.resolve.conditionNames ?? ['...'])]
    config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'] }
    return config
  },
}

export default nextConfig
