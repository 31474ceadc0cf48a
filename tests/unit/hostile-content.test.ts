import { describe, expect, it } from 'vitest';
import { chapterSchema, schemaProblems, storySchema } from '../../src/core/schema';
import { createStrings, stringsFor, type Messages, type StringKey } from '../../src/shared/i18n';
import { slugProblem } from '../../src/core/slug';
import { validateChapters, type ChapterSource } from '../../src/core/story';
import { chapterSource } from '../support/story-sources';

/**
 * Hostile content, the pure checks: each test named after the attack. (The importer's and the
 * build's are in tests/unit/hostile-import.test.ts and tests/build/hostile.test.ts.)
 */

const chapter = (id: string, order: number, slug?: string): ChapterSource =>
  chapterSource(id, { order, ...(slug ? { slug } : {}) }, 'Words.');

describe('a chapter silently replaced', () => {
  it('by a file whose name differs only in Unicode normalisation is refused, naming both files', () => {
    const composed = 'caf\u00e9';
    const decomposed = 'cafe\u0301';
    expect(validateChapters([chapter(composed, 1), chapter(decomposed, 2)])).toEqual([
      `slug café is used by both content/chapters/${composed}.md and content/chapters/${decomposed}.md: each chapter needs its own slug`,
    ]);
  });

  it('by a slug set to another chapter’s file name in another case is refused', () => {
    expect(validateChapters([chapter('the-mask', 1), chapter('other', 2, 'the-mask')]).join()).toMatch(/slug the-mask is used by both/);
  });
});

describe('a slug that poses as something else', () => {
  it('mixing scripts (a syllabics mark posing as a slash) is refused', () => {
    expect(slugProblem('ᐟetcᐟpasswd')).toMatch(/mixes letters of different scripts/);
    expect(schemaProblems(chapterSchema, { title: 'T', order: 1, slug: 'ᐟetcᐟpasswd' })).toEqual([
      expect.stringMatching(/^slug: slug "ᐟetcᐟpasswd" mixes letters/),
    ]);
  });

  it('as an old address (an alias) is refused as a slug is: a path, one of the site’s own pages, mixed scripts', () => {
    expect(schemaProblems(chapterSchema, { title: 'T', order: 1, aliases: ['../etc', 'search', 'ᐟetcᐟpasswd', 'chapter-3'] })).toEqual([
      expect.stringMatching(/^aliases\.0: alias "\.\.\/etc" must be lowercase letters/),
      expect.stringMatching(/^aliases\.1: alias "search" is one of the site's own pages/),
      expect.stringMatching(/^aliases\.2: alias "ᐟetcᐟpasswd" mixes letters/),
    ]);
    expect(schemaProblems(chapterSchema, { title: 'T', order: 1, aliases: 'chapter-3' })).toEqual([
      'aliases: aliases must be a list of old slugs, such as [chapter-3]',
    ]);
    // Thousands of them (a page each) would only slow the build.
    const many = Array.from({ length: 5000 }, (_, i) => `old-${i}`);
    expect(schemaProblems(chapterSchema, { title: 'T', order: 1, aliases: many })).toEqual([
      'aliases: aliases lists at most 50 old addresses',
    ]);
  });

  it('of nothing but tone marks posing as dots is refused', () => {
    expect(slugProblem('ꓸꓸ')).toMatch(/no letter or digit/);
  });

  it('too long for a folder name is refused before the build writes it', () => {
    expect(slugProblem('a'.repeat(300))).toMatch(/longer than 100 characters/);
    expect(validateChapters([chapter('a'.repeat(150), 1)]).join()).toMatch(/longer than 100 characters/);
  });

  it('in one language’s own script, Japanese and Korean mixing as they write, is fine', () => {
    for (const slug of ['chapter-12', 'глава-3', '雪だるま', 'カタカナと漢字', '제4장-漢字', 'فصل-٣', 'פרק-2', 'บทที่-1', 'κεφάλαιο-1'])
      expect(slugProblem(slug), slug).toBeUndefined();
  });
});

describe('labels that reach into the language itself', () => {
  const story = (labels: unknown) => ({ title: 'T', author: 'A', labels });

  it('named after what every object has (toString, __proto__, constructor) are unknown keys, not strings', () => {
    for (const key of ['toString', 'constructor', 'hasOwnProperty']) {
      expect(schemaProblems(storySchema, story({ [key]: 'x' })).join(), key).toMatch(new RegExp(`unknown key "${key}"`));
    }
    expect(schemaProblems(storySchema, story(JSON.parse('{"__proto__": "x"}'))).join()).toMatch(/unknown key "__proto__"/);
    expect(stringsFor('en')('toString' as StringKey)).toBe('toString');
  });

  it('with a placeholder the site does not fill is refused, rather than showing "NaN" or the braces', () => {
    expect(schemaProblems(storySchema, story({ 'chapter.position': '{number} of {constructor}' })).join()).toMatch(
      /"chapter\.position" must show \{total\} and has \{constructor\}, which the site does not fill/,
    );
    expect(
      createStrings('en', { 'chapter.position': '{constructor}' } as Partial<Messages>)('chapter.position', { number: 1, total: 2 }),
    ).toBe('{constructor}');
  });

  it('that leaves out a count or a link is refused, naming what it must show', () => {
    expect(schemaProblems(storySchema, story({ 'count.words': { one: 'one word', other: 'many words' } })).join()).toMatch(
      /"count\.words" must show \{count\}/,
    );
    expect(schemaProblems(storySchema, story({ 'count.words': { one: 'one word', other: '{count} words' } }))).toEqual([]);
  });
});

describe('a language tag of the right shape that no browser knows', () => {
  it('is refused in story.md, naming the field, instead of crashing the build on /read/', () => {
    for (const language of ['en-12', 'de-DE-DE']) {
      expect(schemaProblems(storySchema, { title: 'T', author: 'A', language }).join(), language).toMatch(
        /^language: language must be a BCP 47 tag/,
      );
    }
    for (const language of ['en', 'pt-BR', 'zh-Hant-TW', 'sr-Latn', 'es-419'])
      expect(schemaProblems(storySchema, { title: 'T', author: 'A', language })).toEqual([]);
  });
});
