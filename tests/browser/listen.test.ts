import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { settled, useBrowserSite } from '../support/browser';

const site = useBrowserSite('fixture');

/**
 * The browser's speech, stubbed (headless Chromium has no voices): records each utterance
 * with what was highlighted when it was spoken; `__speech.finish()` ends the one speaking.
 */
function stubSpeech(languages: string[]) {
  const spoken: { text: string; lang: string; rate: number; voice: string | undefined; marked: string | null }[] = [];
  let speaking: (EventTarget & { text: string }) | null = null;
  class Utterance extends EventTarget {
    lang = '';
    rate = 1;
    voice: { name: string } | null = null;
    text: string;
    constructor(text: string) {
      super();
      this.text = text;
    }
  }
  const synth = Object.assign(new EventTarget(), {
    getVoices: () => languages.map((lang) => ({ lang, name: `Voice ${lang}`, default: false, localService: true, voiceURI: lang })),
    speak(utterance: Utterance) {
      const marked = document.querySelector('[data-speaking]');
      spoken.push({
        text: utterance.text,
        lang: utterance.lang,
        rate: utterance.rate,
        voice: utterance.voice?.name,
        marked: marked?.id || marked?.textContent || null,
      });
      speaking = utterance;
    },
    cancel() {
      const stopped = speaking;
      speaking = null;
      stopped?.dispatchEvent(Object.assign(new Event('error'), { error: 'interrupted' }));
    },
    pause() {},
    resume() {},
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synth });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
  Object.assign(window, {
    __speech: {
      spoken,
      finish() {
        const done = speaking;
        speaking = null;
        done?.dispatchEvent(new Event('end'));
      },
    },
  });
}

type Spoken = { text: string; lang: string; rate: number; voice: string | undefined; marked: string | null };
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { __speech: { spoken: Spoken[] } }).__speech.spoken);
/** Once the first words are spoken (the player loads on the first click). */
const started = (page: Page) => expect.poll(async () => (await spoken(page)).length).toBeGreaterThan(0);
const finish = (page: Page, times = 1) =>
  page.evaluate((times) => {
    for (let i = 0; i < times; i++) (window as unknown as { __speech: { finish(): void } }).__speech.finish();
  }, times);

async function openWithVoices(path: string, languages: string[]) {
  const opened = await site.open();
  await opened.context.addInitScript(stubSpeech, languages);
  await opened.page.goto(site.url(path));
  await settled(opened.page);
  return opened;
}

describe('reading aloud', () => {
  it('is offered only where the browser has a voice for the story’s language', async () => {
    const none = await site.open();
    await none.page.goto(site.url('chapter-3/'));
    await settled(none.page);
    const listen = (page: Page) => page.locator('.listen button');
    expect(await listen(none.page).textContent()).toBe('Listen');
    expect(await listen(none.page).isVisible()).toBe(false);

    const french = await openWithVoices('chapter-3/', ['fr-FR']);
    expect(await listen(french.page).isVisible()).toBe(false);

    const english = await openWithVoices('chapter-3/', ['fr-FR', 'en-US']);
    expect(await listen(english.page).isVisible()).toBe(true);
  });

  it('reads the chapter block by block in the story’s voice, the spoken one highlighted, and never the page’s controls', async () => {
    const { page, errors } = await openWithVoices('chapter-3/', ['en-US']);
    await page.getByRole('button', { name: 'Listen' }).click();
    await started(page);
    await finish(page, 3);
    let said = await spoken(page);
    expect(said.map((entry) => entry.text)).toEqual([
      'Chapter 3: The Lake',
      'The boat slid across the underground lake without a sound.',
      'On the far shore, the lantern showed a door.',
      'She remembered the letter from the interlude and the mask.',
    ]);
    expect(said.every((entry) => entry.lang === 'en' && entry.voice === 'Voice en-US')).toBe(true);
    // Each paragraph is highlighted while it is spoken.
    expect(said.slice(1).map((entry) => entry.marked)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(await page.locator('[data-speaking]').getAttribute('id')).toBe('p-3');

    // Pause stops the voice; resume says the same sentence again.
    await page.getByRole('button', { name: 'Pause' }).click();
    await finish(page);
    expect((await spoken(page)).length).toBe(4);
    await page.getByRole('button', { name: 'Play' }).click();
    said = await spoken(page);
    expect(said.at(-1)!.text).toBe('She remembered the letter from the interlude and the mask.');

    // A new speed from the sentence being spoken on.
    await page.getByLabel('Speed').selectOption('1.5');
    expect((await spoken(page)).at(-1)!.rate).toBe(1.5);

    // To the end: the end note is read, the controls and the chapter menu are not.
    await finish(page, 10);
    said = await spoken(page);
    expect(said.map((entry) => entry.text)).toContain('An end note without an author’s note above.');
    expect(said.map((entry) => entry.text).join(' ')).not.toMatch(/Listen|Pause|Speed|Previous|Next chapter|Contents/);
    // Done: the highlight and the controls go.
    expect(await page.locator('[data-speaking]').count()).toBe(0);
    expect(await page.locator('.read-aloud').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('reads a passage marked as another language in its voice, and in the story’s where the browser has none', async () => {
    const { page } = await openWithVoices('chapter-3/', ['en-US', 'fr-FR']);
    // As the site renders `<div lang="fr">` and `<div lang="he">` around paragraphs of a chapter.
    await page.evaluate(() => {
      for (const [id, lang] of [
        ['p-2', 'fr'],
        ['p-3', 'he'],
      ] as const) {
        const paragraph = document.getElementById(id)!;
        const passage = Object.assign(document.createElement('div'), { lang });
        paragraph.replaceWith(passage);
        passage.append(paragraph);
      }
    });
    await page.getByRole('button', { name: 'Listen' }).click();
    await started(page);
    await finish(page, 3);
    const said = Object.fromEntries((await spoken(page)).map((entry) => [entry.marked, `${entry.lang} ${entry.voice}`]));
    expect(said).toMatchObject({ 'p-1': 'en Voice en-US', 'p-2': 'fr Voice fr-FR', 'p-3': 'en Voice en-US' });
  });

  it('feeds a long sentence to the voice in pieces, and the pieces say every word in order', async () => {
    const { page } = await openWithVoices('chapter-2/', ['en-GB']);
    await page.getByRole('button', { name: 'Listen' }).click();
    await started(page);
    const paragraph = (await page.locator('#p-1').textContent())!.trim();
    // The title, the author's note, then the first paragraph.
    await finish(page, 2);
    for (let i = 0; i < 4; i++) await finish(page);
    const pieces = (await spoken(page)).filter((entry) => entry.marked === 'p-1').map((entry) => entry.text);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((piece) => piece.length <= 200)).toBe(true);
    expect(pieces.join(' ')).toBe(paragraph);
  });

  it('starts where the reader is, and goes on to the next chapter when asked', async () => {
    const { page } = await openWithVoices('chapter-2/', ['en-US']);
    await page.locator('#p-20').evaluate((element) => element.scrollIntoView({ block: 'start', behavior: 'instant' }));
    // The control is at the top of the chapter: pressed from the keyboard, the page does not move.
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('.listen button')!.click());
    await started(page);
    expect((await spoken(page))[0]!.marked).toBe('p-20');

    await page.getByLabel('Go on to the next chapter').check();
    await finish(page, 200);
    await page.waitForURL(/\/interlude\/$/);
    await settled(page);
    await expect.poll(async () => (await spoken(page))[0]?.text).toBe('Interlude: Letters');
    // The choice is remembered.
    expect(await page.getByLabel('Go on to the next chapter').isChecked()).toBe(true);
  });

  it('reads the entire work on one page, chapter after chapter', async () => {
    const { page } = await openWithVoices('read/', ['en-US']);
    await page.locator('#chapter-3').evaluate((element) => element.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('.listen button')!.click());
    await started(page);
    await finish(page, 8);
    const said = (await spoken(page)).map((entry) => entry.text);
    expect(said.slice(0, 4)).toEqual([
      'Chapter 3: The Lake',
      'The boat slid across the underground lake without a sound.',
      'On the far shore, the lantern showed a door.',
      'She remembered the letter from the interlude and the mask.',
    ]);
    expect(said).toContain('Epilogue');
  });

  it('has controls and a highlight that pass axe, light and dark, phone and desktop', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const viewport of [
        { width: 390, height: 844 },
        { width: 1280, height: 800 },
      ]) {
        const { page } = await site.open({ colorScheme, viewport });
        await page.context().addInitScript(stubSpeech, ['en-US']);
        await page.goto(site.url('chapter-3/'));
        await settled(page);
        await page.getByRole('button', { name: 'Listen' }).click();
        await started(page);
        await finish(page);
        expect(await axeViolations(page), `${colorScheme} ${viewport.width}`).toEqual([]);
      }
    }
  });
});
