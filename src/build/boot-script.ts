import { transformSync } from 'esbuild';
import { registerOffline } from '../browser/offline-register.ts';
import { readerSettingsBoot } from '../browser/reader-settings-boot.ts';
import { offlineFiles } from '../shared/offline.ts';
import { joinBase } from '../shared/paths.ts';
import { applySettingsGlobal, settingsKey } from '../shared/contract.ts';
import { settingChoices } from '../shared/reader-settings.ts';

const scripts = new Map<string, string>();

/**
 * The inline script that applies the reader's saved settings before the first paint (the
 * routine in src/browser/reader-settings-boot.ts, called with this site's storage key and
 * setting names, and left on `window` for the settings panel) and, when `offline`, registers the service worker after load
 * (src/browser/offline-register.ts); minified once per build (not once per page).
 */
export function bootScript(base: string, legibleFont: string, offline: boolean): string {
  const key = `${base}\0${legibleFont}\0${offline}`;
  let code = scripts.get(key);
  if (code === undefined) {
    const args = [settingsKey(base), Object.keys(settingChoices), legibleFont, applySettingsGlobal].map((arg) => JSON.stringify(arg));
    const call = `(${readerSettingsBoot.toString()})(${args.join(', ')})`;
    // The worker's scope is its folder: the base path.
    const register = offline ? `;(${registerOffline.toString()})(${JSON.stringify(joinBase(base, offlineFiles.worker))})` : '';
    code = transformSync(call + register, { minify: true, target: 'es2020' }).code.trim();
    scripts.set(key, code);
  }
  return code;
}
