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

/** `localStorage`, or nothing where the browser refuses it (private modes, disabled storage). */
export function safeStorage(): Storage | undefined {
  try {
    const storage = window.localStorage;
    const probe = '__quire__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}
