export const placeholder = 'auth'
