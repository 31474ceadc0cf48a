import loadPanel from 'lazy:./reader-settings-panel.ts';

/**
 * `<quire-reader-settings>`: the "Aa" reading settings. The panel's choices are built on
 * first open (`reader-settings-panel.ts`, loaded then), rather than sent in every page.
 */
export class ReaderSettings extends HTMLElement {
  connectedCallback(): void {
    this.querySelector('details')?.addEventListener(
      'toggle',
      () => void loadPanel().then(({ buildSettingsPanel }) => buildSettingsPanel(this)),
      { once: true },
    );
  }
}
