import { placeholder as core } from '@upkit/uploader-core'
export const placeholder = `react+${core}`
