import { createRouteHandlers } from '@upkit/auth-endpoint/next'
import { imagekitSetup } from '../../../../lib/imagekit'

const imagekit = imagekitSetup()

/** The signing route: the private key stays here; browsers get one single-use signature per upload. */
export const { GET, POST, OPTIONS } = createRouteHandlers({
  publicKey: imagekit.publicKey,
  privateKey: imagekit.privateKey,
  // Development stand-in: identify the user from your own session (cookie, JWT, …) and return null to refuse.
  authorize: () => ({ id: 'next-demo-user' }),
  policy: {
    forcedFolder: (identity) =>
      `/upkit-next/${typeof identity === 'string' ? identity : String(identity?.id)}`,
    maxFileSize: 25_000_000,
  },
})
