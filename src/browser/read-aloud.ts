import { data, elements, ids, listenKey, listeningKey } from '../shared/contract.ts';
import { speechChunks, voiceFor } from '../shared/speech.ts';
import { safeStorage } from './storage.ts';
import { inLanguageOf, siteStrings } from './strings.ts';
import { adoptStyles } from './styles.ts';
import styles from './read-aloud.css?inline';
import { actionButton } from './controls.ts';

/**
 * Reading aloud ("Listen", src/components/Listen.astro): the browser's own speech in the
 * story's language, block by block from where the reader is, the spoken one highlighted and
 * kept in view; pause and resume, speed, stop, and on to the next chapter if the reader
 * wants. Each block is spoken a sentence at a time (src/shared/speech.ts).
 */

/** What is read: the text's paragraphs, headings, list items and the like. */
const blockSelector = 'h1, h2, h3, h4, h5, h6, p, li, dt, dd, blockquote, figcaption, th, td, pre';
/** What is not: navigation, controls, the page's own details, footnotes (not in the run of the text), what is hidden. */
const skipSelector = 'nav, button, .no-print, .details, .comments, .footnotes, .visually-hidden, [aria-hidden="true"], [hidden]';
const rates = [0.75, 1, 1.25, 1.5, 1.75, 2];

interface Preferences {
  rate: number;
  next: boolean;
}

const base = import.meta.env.BASE_URL;

function readPreferences(): Preferences {
  try {
    const saved = JSON.parse(safeStorage()?.getItem(listenKey(base)) ?? '{}') as Partial<Preferences>;
    return { rate: rates.includes(saved.rate ?? 0) ? saved.rate! : 1, next: saved.next === true };
  } catch {
    return { rate: 1, next: false };
  }
}

/** The blocks of the page's text, in reading order: each the innermost such block, shown, with words in it. */
export function readableBlocks(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(blockSelector)].filter(
    (block) =>
      !block.closest(skipSelector) && !block.querySelector(blockSelector) && block.getClientRects().length > 0 && spokenText(block) !== '',
  );
}

/** A block's words as a voice should say them: without footnote markers. */
function spokenText(block: HTMLElement): string {
  const copy = block.cloneNode(true) as HTMLElement;
  for (const marker of copy.querySelectorAll('[data-footnote-ref], sup:has(> [data-footnote-ref]), [aria-hidden="true"]')) marker.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

let player: ReturnType<typeof createPlayer> | undefined;

/**
 * Starts reading the page aloud: from the first block at the top of the window, or from the
 * top when `fromStart` (a chapter reached by reading on). Once started, the same player.
 */
export function readAloud(fromStart = false): void {
  try {
    sessionStorage.removeItem(listeningKey(base));
  } catch {
    // No storage: nothing was set.
  }
  player ??= createPlayer();
  player.start(fromStart);
}

function createPlayer() {
  adoptStyles(styles);
  const t = siteStrings();
  const synth = window.speechSynthesis;
  const language = document.documentElement.lang;
  const storage = safeStorage();
  const preferences = readPreferences();
  const nextChapter = document.querySelector<HTMLLinkElement>('link[rel="next"]')?.href;

  let blocks: HTMLElement[] = [];
  let index = 0;
  let chunks: string[] = [];
  let chunk = 0;
  let current: SpeechSynthesisUtterance | undefined;

  // The controls: a bar at the foot of the window while reading aloud.
  const bar = document.createElement('section');
  bar.className = 'read-aloud no-print';
  inLanguageOf(bar, t, 'listen.label');
  bar.setAttribute('aria-label', t('listen.label'));
  const toggle = actionButton(t('listen.pause'), () => (current ? pause() : resume()));
  const stopButton = actionButton(t('listen.stop'), () => stop());
  const speed = document.createElement('select');
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  for (const rate of rates) speed.append(new Option(`${number.format(rate)}×`, String(rate), false, rate === preferences.rate));
  speed.addEventListener('change', () => {
    preferences.rate = Number(speed.value);
    save();
    // The new speed from this sentence on.
    if (current) speak();
  });
  const speedLabel = Object.assign(document.createElement('label'), { className: 'speed' });
  speedLabel.append(`${t('listen.speed')} `, speed);
  const controls: HTMLElement[] = [toggle, stopButton, speedLabel];
  if (nextChapter) {
    const next = Object.assign(document.createElement('input'), { type: 'checkbox', checked: preferences.next });
    next.addEventListener('change', () => {
      preferences.next = next.checked;
      save();
    });
    const nextLabel = Object.assign(document.createElement('label'), { className: 'next' });
    nextLabel.append(next, ` ${t('listen.next')}`);
    controls.push(nextLabel);
  }
  bar.append(...controls);

  function save() {
    storage?.setItem(listenKey(base), JSON.stringify(preferences));
  }

  function mark(block: HTMLElement | undefined) {
    document.querySelector(`[${data.speaking}]`)?.removeAttribute(data.speaking);
    if (!block) return;
    block.setAttribute(data.speaking, '');
    const { top, bottom } = block.getBoundingClientRect();
    // Kept in view above the bar, without moving the page while the block is already readable.
    if (top < 0 || bottom > window.innerHeight - bar.offsetHeight) {
      const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      block.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    }
  }

  /** The block's own language: the story's, or a passage's the author marked as another (`<div lang="he">`). */
  let spoken = language;
  function load(at: number) {
    index = at;
    chunk = 0;
    const block = blocks[index];
    spoken = block?.closest('[lang]')?.getAttribute('lang') || language;
    chunks = block ? speechChunks(spokenText(block), spoken) : [];
    mark(block);
  }

  function speak() {
    const text = chunks[chunk];
    if (text === undefined) return finish();
    const utterance = new SpeechSynthesisUtterance(text);
    // A passage in a language the browser has no voice for is read by the story's voice.
    const own = voiceFor(synth.getVoices(), spoken);
    const voice = own ?? voiceFor(synth.getVoices(), language);
    utterance.lang = own ? spoken : language;
    if (voice) utterance.voice = voice;
    utterance.rate = preferences.rate;
    utterance.addEventListener('end', () => {
      if (utterance !== current) return;
      chunk += 1;
      if (chunk >= chunks.length) load(index + 1);
      speak();
    });
    utterance.addEventListener('error', (event) => {
      // Cancelled by pause, stop or a new speed: that is handled where it was asked.
      if (utterance !== current || event.error === 'interrupted' || event.error === 'canceled') return;
      // Not allowed to start without the reader's own click (a chapter reached by reading on): they resume.
      pause();
    });
    current = utterance;
    toggle.textContent = t('listen.pause');
    synth.cancel();
    synth.speak(utterance);
  }

  function pause() {
    current = undefined;
    synth.cancel();
    toggle.textContent = t('listen.resume');
  }

  function resume() {
    if (index >= blocks.length) load(0);
    speak();
  }

  function stop() {
    pause();
    mark(undefined);
    bar.remove();
    document.querySelector<HTMLElement>('.listen button')?.focus();
  }

  function finish() {
    if (nextChapter && preferences.next) {
      // The next page starts reading where its chapter starts (src/components/Listen.astro).
      try {
        sessionStorage.setItem(listeningKey(base), '1');
      } catch {
        // No storage: the next chapter opens and waits for "Listen".
      }
      location.href = nextChapter;
      return;
    }
    stop();
  }

  return {
    start(fromStart: boolean) {
      blocks = readableBlocks(document.querySelector('main') ?? document.body);
      // From the first block still (partly) in view; or, for a reader who came up from the text
      // to the control, from where they were in it (the place "Copy a link to here" uses too).
      const inView = Math.max(
        0,
        blocks.findIndex((block) => block.getBoundingClientRect().bottom > 0),
      );
      const place = document.querySelector<HTMLElement>(elements.chapterText)?.dataset.place;
      const aboveText = (document.getElementById(ids.chapterText)?.getBoundingClientRect().top ?? -1) >= 0;
      const placed = place && aboveText ? blocks.findIndex((block) => block.id === place) : -1;
      const first = fromStart ? 0 : placed >= 0 ? placed : inView;
      if (!bar.isConnected) document.body.append(bar);
      load(first);
      speak();
      toggle.focus();
    },
  };
}
