// sharp is a dev dependency of @upkit/uploader-core (its image tests make photos with it); the bench uses that copy.
import { createRequire } from 'node:module'

export const sharp = createRequire(new URL('../../packages/uploader-core/package.json', import.meta.url))(
  'sharp',
) as typeof import('sharp')
