/** Reader settings: what a reader can choose, their defaults, and how stored choices are read. */

/** Each setting, its allowed values, and its default (first). Mirrored by `data-*` on `<html>`. */
export const settingChoices = {
  theme: ['auto', 'light', 'sepia', 'dark'],
  size: ['3', '1', '2', '4', '5'],
  font: ['serif', 'sans', 'legible'],
  leading: ['normal', 'compact', 'loose'],
  width: ['normal', 'narrow', 'wide'],
  notes: ['show', 'hide'],
  contentNotes: ['show', 'collapse'],
  justify: ['off', 'on'],
} as const;

export type SettingName = keyof typeof settingChoices;
export type ReaderSettings = { [K in SettingName]: (typeof settingChoices)[K][number] };

/** The choices the settings panel offers, in the order shown; labels are `settings.<name>.<value>` strings. */
export const settingsPanel = [
  { name: 'size', values: ['1', '2', '3', '4', '5'] },
  { name: 'theme', values: ['auto', 'light', 'sepia', 'dark'] },
  { name: 'font', values: ['serif', 'sans', 'legible'] },
  { name: 'leading', values: ['compact', 'normal', 'loose'] },
  { name: 'width', values: ['narrow', 'normal', 'wide'] },
] as const satisfies readonly { name: Exclude<SettingName, 'notes' | 'contentNotes' | 'justify'>; values: readonly string[] }[];

/**
 * Whether the "Legible" font (Atkinson Hyperlegible: Latin and Latin Extended letters) draws
 * a language's text. For Cyrillic, Greek, Arabic, Hebrew, CJK, Thai or Vietnamese text it
 * would change nothing, or letters mid-word, so it is not offered there.
 */
export function legibleFontCovers(language: string): boolean {
  const locale = new Intl.Locale(language || 'en').maximize();
  return locale.script === 'Latn' && locale.language !== 'vi';
}

/** The settings every reader starts with. */
export const defaultSettings = Object.fromEntries(
  Object.entries(settingChoices).map(([name, values]) => [name, values[0]]),
) as ReaderSettings;

/** Reads stored settings, keeping only known names and values, so old or hand-edited data cannot break a page. */
export function parseSettings(stored: string | null | undefined): ReaderSettings {
  const settings = { ...defaultSettings };
  let data: unknown;
  try {
    data = JSON.parse(stored ?? '{}');
  } catch {
    return settings;
  }
  if (typeof data !== 'object' || data === null) return settings;
  for (const name of Object.keys(settingChoices) as SettingName[]) {
    const value = (data as Record<string, unknown>)[name];
    if ((settingChoices[name] as readonly unknown[]).includes(value)) (settings as Record<string, unknown>)[name] = value;
  }
  return settings;
}
