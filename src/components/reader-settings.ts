import { defaultSettings, parseSettings, safeStorage, settingsKey, type ReaderSettings, type SettingName } from '../lib/reader-settings';

/** Wires the settings form: shows the saved choices, applies and saves each change. */
export function startReaderSettings(form: HTMLFormElement): void {
  const storage = safeStorage();
  const key = settingsKey(import.meta.env.BASE_URL);
  let settings = parseSettings(storage?.getItem(key));

  const show = () => {
    for (const [name, value] of Object.entries(settings) as [SettingName, string][]) {
      for (const input of form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)) {
        input.checked = input.type === 'checkbox' ? value === input.value : input.value === value;
      }
    }
  };
  const apply = (next: ReaderSettings) => {
    settings = next;
    for (const [name, value] of Object.entries(settings) as [SettingName, string][]) {
      // Defaults are no attribute at all, as before any choice was made.
      if (value === defaultSettings[name]) document.documentElement.removeAttribute(`data-${name}`);
      else document.documentElement.setAttribute(`data-${name}`, value);
    }
    storage?.setItem(key, JSON.stringify(settings));
  };

  show();
  form.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    const value = input.type === 'checkbox' ? (input.checked ? 'hide' : 'show') : input.value;
    apply(parseSettings(JSON.stringify({ ...settings, [input.name]: value })));
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    apply({ ...defaultSettings });
    show();
  });
}
