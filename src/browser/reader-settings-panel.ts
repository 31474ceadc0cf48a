import { settingsKey } from '../shared/contract.ts';
import type { StringKey, Translate } from '../shared/i18n/strings.ts';
import { defaultSettings, parseSettings, settingsPanel, type ReaderSettings, type SettingName } from '../shared/reader-settings.ts';
import { safeStorage } from './storage.ts';
import { siteStrings } from './strings.ts';
import { adoptStyles } from './styles.ts';
import styles from './reader-settings-panel.css?inline';

/** Builds the settings panel inside `element` (a `<quire-reader-settings>`): shows the saved choices, applies and saves each change. */
export function buildSettingsPanel(element: HTMLElement): void {
  const panel = element.querySelector<HTMLElement>('.settings-panel')!;
  adoptStyles(styles);
  const t = siteStrings();
  const reset = buildPanel(panel, t);
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
  reset.addEventListener('click', () => {
    apply({ ...defaultSettings });
    show();
  });
}

/** Sets the settings on `<html>` (defaults are no attribute, as before any choice), linking the legible font if chosen. */
function applySettings(settings: ReaderSettings): void {
  const root = document.documentElement;
  // The legible font's stylesheet is linked only once someone picks it (see ReaderSettingsBoot.astro).
  const fontCss = root.dataset.legibleFont;
  if (settings.font === 'legible' && fontCss && !document.querySelector(`link[href="${fontCss}"]`)) {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: fontCss }));
  }
  for (const [name, value] of Object.entries(settings) as [SettingName, string][]) {
    if (value === defaultSettings[name]) root.removeAttribute(`data-${name}`);
    else root.setAttribute(`data-${name}`, value);
  }
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
function buildPanel(panel: HTMLElement, t: Translate): HTMLButtonElement {
  for (const group of settingsPanel) {
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = t(`settings.${group.name}`);
    fieldset.append(
      legend,
      ...group.values.map((value) => choice('radio', group.name, value, t(`settings.${group.name}.${value}` as StringKey))),
    );
    panel.append(fieldset);
  }
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.textContent = t('settings.reset');
  panel.append(
    choice('checkbox', 'justify', 'on', t('settings.justify')),
    choice('checkbox', 'notes', 'hide', t('settings.notes')),
    choice('checkbox', 'contentNotes', 'collapse', t('settings.contentNotes')),
    reset,
  );
  return reset;
}
