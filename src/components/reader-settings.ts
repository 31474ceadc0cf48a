import { defaultSettings, parseSettings, settingLabels, settingsKey, type ReaderSettings, type SettingName } from '../lib/reader-settings';
import { safeStorage } from '../lib/storage';

/** A labelled radio button or checkbox. */
function choice(type: 'radio' | 'checkbox', name: string, value: string, text: string): HTMLLabelElement {
  const label = document.createElement('label');
  const input = document.createElement('input');
  Object.assign(input, { type, name, value });
  label.append(input, ` ${text}`);
  return label;
}

/** Fills the settings form with one group of choices per setting. */
function buildPanel(panel: HTMLElement): HTMLButtonElement {
  for (const group of settingLabels) {
    const fieldset = document.createElement('fieldset');
    const legend = document.createElement('legend');
    legend.textContent = group.label;
    fieldset.append(legend, ...group.options.map(([value, text]) => choice('radio', group.name, value, text)));
    panel.append(fieldset);
  }
  const reset = document.createElement('button');
  reset.type = 'button';
  reset.textContent = 'Reset to defaults';
  panel.append(choice('checkbox', 'notes', 'hide', 'Hide author’s notes'), reset);
  return reset;
}

/** Builds and wires the settings panel: shows the saved choices, applies and saves each change. */
export function startReaderSettings(panel: HTMLElement): void {
  const reset = buildPanel(panel);
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
    // The legible font's stylesheet is linked only once someone picks it (see ReaderSettingsBoot.astro).
    const fontCss = document.documentElement.dataset.legibleFont;
    if (settings.font === 'legible' && fontCss && !document.querySelector(`link[href="${fontCss}"]`)) {
      document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: fontCss }));
    }
    for (const [name, value] of Object.entries(settings) as [SettingName, string][]) {
      // Defaults are no attribute at all, as before any choice was made.
      if (value === defaultSettings[name]) document.documentElement.removeAttribute(`data-${name}`);
      else document.documentElement.setAttribute(`data-${name}`, value);
    }
    storage?.setItem(key, JSON.stringify(settings));
  };

  show();
  panel.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const value = input.type === 'checkbox' ? (input.checked ? 'hide' : 'show') : input.value;
    apply(parseSettings(JSON.stringify({ ...settings, [input.name]: value })));
  });
  reset.addEventListener('click', () => {
    apply({ ...defaultSettings });
    show();
  });
}
