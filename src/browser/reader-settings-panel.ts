import { applySettingsGlobal, elements, ids, paragraphSelector, readingKey, settingsKey } from '../shared/contract.ts';
import { parseReadingState } from '../shared/reading-progress.ts';
import { mergeReading, parseSavedReading, savedReading } from '../shared/saved-reading.ts';
import type { StringKey, Translate } from '../shared/i18n/strings.ts';
import {
  defaultSettings,
  legibleFontCovers,
  parseSettings,
  settingsPanel,
  type ReaderSettings,
  type SettingName,
} from '../shared/reader-settings.ts';
import loadOffline from 'lazy:./offline-keep.ts';
import { safeStorage } from './storage.ts';
import { siteStrings } from './strings.ts';
import { adoptStyles } from './styles.ts';
import styles from './reader-settings-panel.css?inline';
import { actionButton } from './controls.ts';

/** Builds the settings panel inside `element` (a `<quire-reader-settings>`): shows the saved choices, applies and saves each change. */
export function buildSettingsPanel(element: HTMLElement): void {
  const panel = element.querySelector<HTMLElement>('.settings-panel')!;
  adoptStyles(styles);
  const t = siteStrings();
  buildPanel(panel, t, () => {
    apply({ ...defaultSettings });
    show();
  });
  const storage = safeStorage();
  const key = settingsKey(import.meta.env.BASE_URL);
  let settings = parseSettings(storage?.getItem(key));

  const show = () => {
    for (const [name, value] of Object.entries(settings) as [SettingName, string][]) {
      for (const input of panel.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) {
        input.checked = input.type === 'checkbox' ? value === input.value : input.value === value;
      }
    }
  };
  const apply = (next: ReaderSettings) => {
    settings = next;
    applySettings(settings);
    storage?.setItem(key, JSON.stringify(settings));
  };

  show();
  panel.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    // A checkbox's value is its setting's "on" choice; unticked is the default.
    const value = input.type === 'checkbox' && !input.checked ? defaultSettings[input.name as SettingName] : input.value;
    apply(parseSettings(JSON.stringify({ ...settings, [input.name]: value })));
  });
  panel.append(
    placeControls(t, (restored) => {
      apply(restored);
      show();
    }),
  );
  // Offline reading's controls come with their own script, and only where a service worker runs.
  if ('serviceWorker' in navigator) void loadOffline().then((offline) => panel.append(offline.offlineControls(t)));
}

/**
 * "Your place": a link to the paragraph the reader is at, and their reading saved to a file
 * and restored from one (for another device, or after the browser cleared the site's data).
 */
function placeControls(t: Translate, restoreSettings: (settings: ReaderSettings) => void): HTMLFieldSetElement {
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = t('settings.place');
  const status = document.createElement('p');
  status.className = 'place-status';
  status.setAttribute('role', 'status');
  const storage = safeStorage();
  const readingStore = readingKey(import.meta.env.BASE_URL);
  const story = document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content ?? document.title;

  const copy = actionButton(t('settings.copyLink'), () => {
    // Where the reader was in the text before coming up to the settings, else the paragraph at the top of the window.
    const place =
      document.querySelector<HTMLElement>(elements.chapterText)?.dataset.place ??
      [...document.querySelectorAll(`#${ids.chapterText} ${paragraphSelector}`)].find(
        (element) => element.getBoundingClientRect().bottom > 0,
      )?.id;
    const link = `${location.origin}${location.pathname}${place ? `#${place}` : ''}`;
    navigator.clipboard.writeText(link).then(
      () => (status.textContent = t('settings.linkCopied')),
      // Where the clipboard is refused, the link is shown to copy by hand.
      () => (status.textContent = link),
    );
  });
  const save = actionButton(t('settings.save'), () => {
    const text = savedReading(
      story,
      parseSettings(storage?.getItem(settingsKey(import.meta.env.BASE_URL))),
      parseReadingState(storage?.getItem(readingStore)),
    );
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    link.download = `${
      story
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase() || 'story'
    }-reading.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  });
  const restore = document.createElement('label');
  restore.className = 'restore';
  const file = Object.assign(document.createElement('input'), { type: 'file', accept: '.json,application/json' });
  restore.append(`${t('settings.restore')} `, file);
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const restored = parseSavedReading(await chosen.text(), story);
    file.value = '';
    if (!restored) {
      status.textContent = t('settings.restoreFailed');
      return;
    }
    restoreSettings(restored.settings);
    storage?.setItem(readingStore, JSON.stringify(mergeReading(parseReadingState(storage.getItem(readingStore)), restored.reading)));
    status.textContent = t('settings.restored');
  });
  fieldset.append(legend, copy, save, restore, status);
  return fieldset;
}

/**
 * Sets the settings on `<html>` with the routine every page's boot script left on `window`
 * (src/browser/reader-settings-boot.ts); defaults are no attribute, as before any choice.
 */
function applySettings(settings: ReaderSettings): void {
  const chosen = Object.entries(settings).filter(([name, value]) => value !== defaultSettings[name as SettingName]);
  (window as unknown as Record<string, (settings: object) => void>)[applySettingsGlobal]?.(Object.fromEntries(chosen));
}

/** A labelled radio button or checkbox. */
function choice(type: 'radio' | 'checkbox', name: string, value: string, text: string): HTMLLabelElement {
  const label = document.createElement('label');
  const input = document.createElement('input');
  Object.assign(input, { type, name, value });
  label.append(input, ` ${text}`);
  return label;
}

/** Fills the panel with one group of choices per setting, the checkboxes for notes and a reset button. */
function buildPanel(panel: HTMLElement, t: Translate, reset: () => void): void {
  for (const group of settingsPanel) {
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = t(`settings.${group.name}`);
    fieldset.append(
      legend,
      ...group.values
        .filter((value) => value !== 'legible' || legibleFontCovers(t.language))
        .map((value) => choice('radio', group.name, value, t(`settings.${group.name}.${value}` as StringKey))),
    );
    panel.append(fieldset);
  }
  panel.append(
    choice('checkbox', 'justify', 'on', t('settings.justify')),
    choice('checkbox', 'notes', 'hide', t('settings.notes')),
    choice('checkbox', 'contentNotes', 'collapse', t('settings.contentNotes')),
    actionButton(t('settings.reset'), reset),
  );
}
