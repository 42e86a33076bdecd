import { type FormEvent, useId, useState } from 'react'
import { type DemoSettings, maxFileSizeMb } from './settings.js'

export interface SettingsPanelProps {
  settings: DemoSettings
  userFolder: string
  /** The signing route's limit in bytes (DemoConfig.maxFileSize): the size field stops there. */
  maxFileSize: number
  onApply: (settings: DemoSettings) => void
}

type TextKey = Exclude<keyof DemoSettings, 'locale' | 'concurrency'>

interface TextField {
  key: TextKey
  label: string
  hint: string
  type: 'text' | 'number'
  max?: number
}

function textFields(maxMb: number): TextField[] {
  return [
    { key: 'folder', label: 'Folder', hint: 'Sub-folder of your user folder.', type: 'text' },
    { key: 'tags', label: 'Tags', hint: 'Comma-separated.', type: 'text' },
    {
      key: 'maxFileSizeMb',
      label: 'Max file size (MB)',
      hint: `Checked before upload. At most ${maxMb} MB: the signing route and the emulator refuse larger files.`,
      type: 'number',
      max: maxMb,
    },
    {
      key: 'allowedTypes',
      label: 'Allowed types',
      hint: 'e.g. image/*, .pdf — empty allows all.',
      type: 'text',
    },
    { key: 'maxFiles', label: 'Max files', hint: 'How many files the list holds.', type: 'number' },
  ]
}

/** Upload options a person can change; "Apply" recreates the uploader with them. */
export function SettingsPanel({ settings, userFolder, maxFileSize, onApply }: SettingsPanelProps) {
  const [draft, setDraft] = useState(settings)
  const id = useId()
  const set = <K extends keyof DemoSettings>(key: K, value: DemoSettings[K]) =>
    setDraft((current) => ({ ...current, [key]: value }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onApply(draft)
  }
  return (
    <section className="demo-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Settings</h2>
      <p className="demo-note">
        Files go to <code>{userFolder}</code> (the signing route forces each user's folder).
      </p>
      <form className="demo-form" onSubmit={submit}>
        {textFields(maxFileSizeMb(maxFileSize)).map((field) => (
          <div className="demo-field" key={field.key}>
            <label htmlFor={`${id}-${field.key}`}>{field.label}</label>
            <input
              id={`${id}-${field.key}`}
              type={field.type}
              min={field.type === 'number' ? 0 : undefined}
              max={field.max}
              step={field.max === undefined ? undefined : 'any'}
              value={draft[field.key]}
              aria-describedby={`${id}-${field.key}-hint`}
              onChange={(event) => set(field.key, event.target.value)}
            />
            <span className="demo-hint" id={`${id}-${field.key}-hint`}>
              {field.hint}
            </span>
          </div>
        ))}
        <div className="demo-field">
          <label htmlFor={`${id}-concurrency`}>Concurrency</label>
          <select
            id={`${id}-concurrency`}
            value={draft.concurrency}
            onChange={(event) => set('concurrency', event.target.value)}
          >
            {['1', '2', '3', '4', '6'].map((n) => (
              <option key={n} value={n}>
                {n} at a time
              </option>
            ))}
          </select>
        </div>
        <div className="demo-field">
          <label htmlFor={`${id}-locale`}>Language</label>
          <select
            id={`${id}-locale`}
            value={draft.locale}
            onChange={(event) => set('locale', event.target.value as DemoSettings['locale'])}
          >
            <option value="en">English</option>
            <option value="de">Deutsch</option>
            <option value="fr">Français</option>
          </select>
        </div>
        <button type="submit" className="demo-primary">
          Apply settings
        </button>
      </form>
    </section>
  )
}
