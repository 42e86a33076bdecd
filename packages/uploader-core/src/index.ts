export const placeholder = 'core'
