/** Reader settings: what a reader can choose, their defaults, and how they are stored. */

/** Each setting, its allowed values, and its default (first). Mirrored by `data-*` on `<html>`. */
export const settingChoices = {
  theme: ['auto', 'light', 'sepia', 'dark'],
  size: ['3', '1', '2', '4', '5'],
  font: ['serif', 'sans', 'legible'],
  leading: ['normal', 'compact', 'loose'],
  width: ['normal', 'narrow', 'wide'],
  notes: ['show', 'hide'],
} as const;

export type SettingName = keyof typeof settingChoices;

/** What the settings panel shows for each setting and value, in the order shown. */
export const settingLabels: { name: Exclude<SettingName, 'notes'>; label: string; options: [string, string][] }[] = [
  {
    name: 'size',
    label: 'Text size',
    options: [
      ['1', 'Smallest'],
      ['2', 'Small'],
      ['3', 'Medium'],
      ['4', 'Large'],
      ['5', 'Largest'],
    ],
  },
  {
    name: 'theme',
    label: 'Theme',
    options: [
      ['auto', 'Auto'],
      ['light', 'Light'],
      ['sepia', 'Sepia'],
      ['dark', 'Dark'],
    ],
  },
  {
    name: 'font',
    label: 'Font',
    options: [
      ['serif', 'Serif'],
      ['sans', 'Sans'],
      ['legible', 'Legible'],
    ],
  },
  {
    name: 'leading',
    label: 'Line spacing',
    options: [
      ['compact', 'Compact'],
      ['normal', 'Normal'],
      ['loose', 'Loose'],
    ],
  },
  {
    name: 'width',
    label: 'Text width',
    options: [
      ['narrow', 'Narrow'],
      ['normal', 'Normal'],
      ['wide', 'Wide'],
    ],
  },
];
export type ReaderSettings = { [K in SettingName]: (typeof settingChoices)[K][number] };

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

/** The `localStorage` key for this site's settings (one site per base path). */
export function settingsKey(base: string): string {
  return `quire:${base}:settings`;
}
