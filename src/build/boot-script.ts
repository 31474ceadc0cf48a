import { transformSync } from 'esbuild';
import { applySavedSettings } from '../browser/reader-settings-boot.ts';
import { settingsKey } from '../shared/contract.ts';
import { settingChoices } from '../shared/reader-settings.ts';

const scripts = new Map<string, string>();

/**
 * The inline script that applies the reader's saved settings before the first paint: the
 * function in src/browser/reader-settings-boot.ts, called with this site's storage key and
 * setting names, minified once per build (not once per page).
 */
export function bootScript(base: string, legibleFont: string): string {
  const key = `${base}\0${legibleFont}`;
  let code = scripts.get(key);
  if (code === undefined) {
    const call = `(${applySavedSettings.toString()})(${JSON.stringify(settingsKey(base))}, ${JSON.stringify(Object.keys(settingChoices))}, ${JSON.stringify(legibleFont)})`;
    code = transformSync(call, { minify: true, target: 'es2020' }).code.trim();
    scripts.set(key, code);
  }
  return code;
}
