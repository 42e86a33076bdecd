// Stand-ins for what the README snippets leave to your app on purpose: a session lookup, a render
// function, a file input, a temporary folder, a runtime's globals. Only these are declared here;
// everything from Upkit is the installed packages' real API.
declare function userIdFromSession(cookie: string | null): string | null
declare function getSession(request: Request): Promise<{ user: { id: string; email: string } } | null>
declare function currentUser(request: Request): Promise<{ id: string } | null>
declare function render(snapshot: import('@upkit/uploader-core').UploaderSnapshot): void
declare const input: HTMLInputElement
declare const tmpDir: string
declare const emu: import('@upkit/imagekit-emulator').Emulator
declare const env: { IMAGEKIT_PUBLIC_KEY: string; IMAGEKIT_PRIVATE_KEY: string }
declare const authorize: import('@upkit/auth-endpoint').Authorize
declare const Deno: {
  serve(
    handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Response | Promise<Response>,
  ): void
}
