/**
 * The language server's settings: the `healingNotes` section the VS Code
 * extension contributes (package.json), read through `workspace/configuration`
 * per document, or, from clients that do not answer it, taken from
 * `initializationOptions` and `workspace/didChangeConfiguration`. Values of the
 * wrong type fall back to the defaults, which a unit test keeps equal to
 * package.json's.
 */

export const SETTINGS_SECTION = 'healingNotes';

export interface ServerSettings {
  enable: boolean;
  /** Check while typing (after `debounceMs`) or only when the note is opened and saved. */
  run: 'onType' | 'onSave';
  debounceMs: number;
  maxNoteSizeKB: number;
  /** A profile id, or `auto`: read from the note's `Visit type:` line. */
  profile: string;
  /** A rule pack object layered on the built-in rules, under the folder's `.healingnotes.json`. */
  rules?: unknown;
}

export const DEFAULT_SETTINGS: Readonly<ServerSettings> = {
  enable: true,
  run: 'onType',
  debounceMs: 300,
  maxNoteSizeKB: 1024,
  profile: 'auto',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `healingNotes` section out of what a client sent: the section itself, an object holding it
 * (`{ healingNotes: {...} }`), or dotted keys (`{ "healingNotes.profile": "brief" }`).
 */
export function sectionOf(value: unknown): Record<string, unknown> | undefined {
  if (!isObject(value)) return undefined;
  if (isObject(value[SETTINGS_SECTION])) return value[SETTINGS_SECTION] as Record<string, unknown>;
  const dotted = Object.entries(value).filter(([key]) => key.startsWith(`${SETTINGS_SECTION}.`));
  if (dotted.length > 0) return Object.fromEntries(dotted.map(([key, v]) => [key.slice(SETTINGS_SECTION.length + 1), v]));
  return undefined;
}

/** Settings from the section's values, each checked; anything missing or of the wrong kind takes its default. */
export function settingsFrom(section: unknown): ServerSettings {
  const values = isObject(section) ? section : {};
  const number = (key: 'debounceMs' | 'maxNoteSizeKB', min: number) => {
    const v = values[key];
    return typeof v === 'number' && Number.isFinite(v) ? Math.max(min, v) : DEFAULT_SETTINGS[key];
  };
  return {
    enable: typeof values.enable === 'boolean' ? values.enable : DEFAULT_SETTINGS.enable,
    run: values.run === 'onSave' || values.run === 'onType' ? values.run : DEFAULT_SETTINGS.run,
    debounceMs: number('debounceMs', 0),
    maxNoteSizeKB: number('maxNoteSizeKB', 1),
    profile: typeof values.profile === 'string' && values.profile.trim() !== '' ? values.profile : DEFAULT_SETTINGS.profile,
    ...(isObject(values.rules) && Object.keys(values.rules).length > 0 ? { rules: values.rules } : {}),
  };
}
