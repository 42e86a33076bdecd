/** Test files, built in Node and handed to the browser (file chooser, DataTransfer, clipboard). */
export interface TestFile {
  name: string
  mimeType: string
  buffer: Buffer
}

/** A text file of `size` bytes (deterministic content). */
export function textFile(name: string, size = 2048): TestFile {
  const line = `${name} — uploaded by the Upkit e2e suite.\n`
  return {
    name,
    mimeType: 'text/plain',
    buffer: Buffer.from(line.repeat(Math.ceil(size / line.length)).slice(0, size)),
  }
}

// A 4×4 PNG, so image rows get a real thumbnail.
const PNG_4X4 =
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAMklEQVR4nA3HMQEAMAgDQYQhAhHMKImSzBHxstrbrnrYQUOG6mMPHbkfsUIi+jFrZGIeppob0Szv4NoAAAAASUVORK5CYII='

export function pngFile(name: string): TestFile {
  return { name, mimeType: 'image/png', buffer: Buffer.from(PNG_4X4, 'base64') }
}

/** The shape `page.evaluate` can carry: bytes as base64. */
export interface SerializedFile {
  name: string
  type: string
  base64: string
}

export function serialize(files: TestFile[]): SerializedFile[] {
  return files.map((file) => ({
    name: file.name,
    type: file.mimeType,
    base64: file.buffer.toString('base64'),
  }))
}
