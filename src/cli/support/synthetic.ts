import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A seeded generator of English-like serial fiction, for benchmarks: dialogue, narration,
 * author's notes and scene breaks, about 2,500 words a chapter. Same seed, same story.
 */

/** Mulberry32: a small, fast, deterministic PRNG. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const names = ['Meg', 'Erik', 'Christine', 'Raoul', 'Madame Giry', 'Carlotta', 'Firmin', 'André', 'Nadir', 'Daaé'];
const nouns =
  'mask mirror lantern stage curtain corridor cellar lake boat chandelier letter rose ribbon candle shadow voice music box seat door key organ score costume dressing-room rooftop staircase'.split(
    ' ',
  );
const verbs =
  'watched whispered turned listened waited walked ran followed remembered lifted held opened closed hid sang wrote answered trembled smiled paused'.split(
    ' ',
  );
const adjectives = 'quiet dark golden pale cold narrow distant soft broken hidden silent old velvet bright trembling'.split(' ');
const adverbs = 'slowly softly suddenly quietly carefully again wordlessly at last'.split(' ');
const said = ['said', 'whispered', 'asked', 'replied', 'murmured', 'called'];

/** One generated chapter, as the Markdown file an author would write. */
export interface SyntheticChapter {
  slug: string;
  markdown: string;
  words: number;
}

/** Generates `count` chapters (a prologue, then numbered chapters) of about `wordsPerChapter` words. */
export function generateStory(count: number, seed = 1, wordsPerChapter = 2500): { storyMarkdown: string; chapters: SyntheticChapter[] } {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const sentence = (): string => {
    const parts = [`The ${pick(adjectives)} ${pick(nouns)}`, `${pick(names)} ${pick(verbs)} ${pick(adverbs)}`];
    if (random() < 0.5) parts.push(`beneath the ${pick(nouns)}`);
    if (random() < 0.4) parts.push(`and the ${pick(nouns)} was ${pick(adjectives)}`);
    return `${random() < 0.5 ? parts.reverse().join(', ') : parts.join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
  };
  const paragraph = (): string => {
    if (random() < 0.3) {
      return `"${sentence()} ${sentence().replace(/\.$/, '?')}" ${pick(names)} ${pick(said)}. ${sentence()}`;
    }
    return Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ');
  };
  const chapters: SyntheticChapter[] = [];
  for (let i = 0; i < count; i++) {
    const paragraphs: string[] = [];
    let words = 0;
    while (words < wordsPerChapter) {
      if (paragraphs.length > 0 && random() < 0.03) paragraphs.push('* * *');
      const text = paragraph();
      words += text.split(/\s+/).length;
      paragraphs.push(text);
    }
    const slug = i === 0 ? 'prologue' : `chapter-${i}`;
    const title =
      i === 0
        ? 'Prologue'
        : `Chapter ${i}: The ${pick(adjectives).replace(/^./, (c) => c.toUpperCase())} ${pick(nouns).replace(/^./, (c) => c.toUpperCase())}`;
    const note = random() < 0.6 ? `authorsNote: "${sentence()} Thank you for reading!"\n` : '';
    // One chapter a day from 2020: every chapter of even a 1,000-chapter story is out by 2023.
    const date = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    chapters.push({
      slug,
      words,
      markdown: `---\ntitle: "${title}"\norder: ${i}\npublished: ${date}\n${note}---\n\n${paragraphs.join('\n\n')}\n`,
    });
  }
  const storyMarkdown = `---\ntitle: A Generated Serial\nauthor: Benchmark\nstatus: in-progress\n---\n\nA generated story of ${count} chapters, for measuring builds.\n`;
  return { storyMarkdown, chapters };
}

/** Writes a generated story into a content folder (`dir/story.md`, `dir/chapters/*.md`), as the benchmark and tests need. */
export function writeGeneratedStory(dir: string, count: number, seed?: number, wordsPerChapter?: number): void {
  const { storyMarkdown, chapters } = generateStory(count, seed, wordsPerChapter);
  mkdirSync(join(dir, 'chapters'), { recursive: true });
  writeFileSync(join(dir, 'story.md'), storyMarkdown);
  for (const chapter of chapters) writeFileSync(join(dir, 'chapters', `${chapter.slug}.md`), chapter.markdown);
}
