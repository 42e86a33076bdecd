import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import { UPLOAD_ANSWER_CHANNEL } from '../../src/upload-answers.js'
import { uploadAnswerErrors } from './upload-schema.js'

export interface UploadAnswer {
  path: 'v1' | 'v2'
  body: unknown
}

/** Every 200 upload answer that does not match the schema, as one readable line each. */
export function nonConforming(answers: readonly UploadAnswer[]): string[] {
  return answers.flatMap(({ path, body }) => {
    const errors = uploadAnswerErrors(body)
    if (errors.length === 0) return []
    return [`${path} upload answer ${JSON.stringify(body)}\n    ${errors.join('\n    ')}`]
  })
}

/** Throws, listing each answer off the schema with ajv's paths; the setup file fails a test with it. */
export function assertConforming(answers: readonly UploadAnswer[], when: string): void {
  const failures = nonConforming(answers)
  if (failures.length === 0) return
  throw new Error(
    `${failures.length} upload answer(s) ${when} do not match ImageKit's Upload schema:\n  ${failures.join('\n  ')}`,
  )
}

/** Collects the 200 upload answers of every emulator in this process until `stop()`. */
export class UploadAnswerWatch {
  #answers: UploadAnswer[] = []
  readonly #listener = (message: unknown) => {
    this.#answers.push(message as UploadAnswer)
  }

  constructor() {
    subscribe(UPLOAD_ANSWER_CHANNEL, this.#listener)
  }

  /** The answers seen since the last call. */
  take(): UploadAnswer[] {
    return this.#answers.splice(0)
  }

  stop(): void {
    unsubscribe(UPLOAD_ANSWER_CHANNEL, this.#listener)
  }
}
