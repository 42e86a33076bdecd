import { defineConfig, devices } from '@playwright/test'

/** E2E ports stay clear of the demo's fixed 4600/4610 so `npm start` and the suite can run side by side. */
const demoPort = Number(process.env.UPKIT_E2E_DEMO_PORT ?? 4710)
const emulatorPort = Number(process.env.UPKIT_E2E_EMULATOR_PORT ?? 4700)
const baseURL = `http://127.0.0.1:${demoPort}`

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  // `json` writes to PLAYWRIGHT_JSON_OUTPUT_NAME (scripts/run-tests.mjs reads its stats).
  reporter: [['list'], ['json']],
  outputDir: './test-results',
  use: {
    baseURL,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'debian-chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: {
    // The demo in production-build mode, with a fresh temporary data folder, on the e2e ports.
    command: 'pnpm exec tsx --conditions=@upkit/source server.ts',
    cwd: '../demo',
    url: `${baseURL}/api/demo/config`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    env: {
      NODE_ENV: 'production',
      UPKIT_DEMO_PORT: String(demoPort),
      UPKIT_EMULATOR_PORT: String(emulatorPort),
      UPKIT_DEMO_EPHEMERAL: '1',
      // Always the emulator, even on a machine with a real account configured.
      IMAGEKIT_PUBLIC_KEY: '',
      IMAGEKIT_PRIVATE_KEY: '',
      IMAGEKIT_URL_ENDPOINT: '',
      COREPACK_INTEGRITY_KEYS: '0',
    },
  },
})
