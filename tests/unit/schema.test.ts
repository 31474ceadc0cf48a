import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/core/dates';
import { chapterSchema, inTimeZone, schemaProblems, storySchema } from '../../src/core/schema';

describe('dates', () => {
  it('read a calendar date, with or without a time', () => {
    expect(parseDate('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(parseDate('2028-02-29')?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(parseDate('2026-01-31 18:30')?.toISOString()).toBe('2026-01-31T18:30:00.000Z');
    expect(parseDate('2026-01-31T18:30:00+02:00')?.toISOString()).toBe('2026-01-31T16:30:00.000Z');
  });

  it('read a time without a zone as the story’s time zone’s wall clock, summer and winter, and a zone written as written', () => {
    expect(parseDate('2026-12-10 18:00', 'America/New_York')?.toISOString()).toBe('2026-12-10T23:00:00.000Z');
    expect(parseDate('2026-07-10 18:00', 'America/New_York')?.toISOString()).toBe('2026-07-10T22:00:00.000Z');
    expect(parseDate('2026-12-10', 'Asia/Tokyo')?.toISOString()).toBe('2026-12-09T15:00:00.000Z');
    expect(parseDate('2026-12-10 18:00', 'Asia/Kolkata')?.toISOString()).toBe('2026-12-10T12:30:00.000Z');
    expect(parseDate('2026-12-10 18:00+01:00', 'Asia/Tokyo')?.toISOString()).toBe('2026-12-10T17:00:00.000Z');
    // The night the clocks go forward, 02:30 is never on them: the chapter goes out at 03:30, not an hour early.
    expect(parseDate('2026-03-08 02:30', 'America/New_York')?.toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // The night they go back, 01:30 comes twice: the first.
    expect(parseDate('2026-11-01 01:30', 'America/New_York')?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // East of Greenwich, and south of the equator, alike.
    expect(parseDate('2026-03-29 01:30', 'Europe/London')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(parseDate('2026-10-25 01:30', 'Europe/London')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(parseDate('2026-03-29 02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(parseDate('2026-10-25 02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(parseDate('2026-04-05 02:30', 'Australia/Sydney')?.toISOString()).toBe('2026-04-04T15:30:00.000Z');
    expect(parseDate('2026-10-04 02:30', 'Australia/Sydney')?.toISOString()).toBe('2026-10-03T16:30:00.000Z');
  });

  it.each([
    ['12/24/2026', 'write 2026-12-24, year-month-day'],
    ['2026-1-5', 'write 2026-01-05, year-month-day'],
    ['24.12.2026', 'write 2026-12-24, year-month-day'],
    ['03/04/2026', 'write 2026-03-04 for 4 March or 2026-04-03 for 3 April, year-month-day'],
    ['December 31, 2026', 'write 2026-12-31, year-month-day'],
    ['31st Dec 2026', 'write 2026-12-31, year-month-day'],
    ['24 décembre 2026', 'write 2026-12-24, year-month-day'],
    ['24. Dezember 2026', 'write 2026-12-24, year-month-day'],
    ['24 de diciembre de 2026', 'write 2026-12-24, year-month-day'],
    ['24 декабря 2026', 'write 2026-12-24, year-month-day'],
    ['2026/12/24 6pm', 'write 2026-12-24 18:00, year-month-day'],
    ['2026-12-10 12:30 am', 'write 2026-12-10 00:30, year-month-day'],
    ['2026-12-10 18h30', 'write 2026-12-10 18:30, year-month-day'],
  ])('written as %s, are told the date to write', (written, fix) => {
    expect(schemaProblems(chapterSchema, { title: 'One', order: 1, published: written })).toEqual([
      `published: published must be a date such as 2026-01-31 ("${written}": ${fix})`,
    ]);
  });

  it('refuse a day that is not on the calendar instead of moving to a neighbouring one', () => {
    for (const text of [
      '2026-02-30',
      '2027-02-29',
      '2026-13-45',
      '2026-00-00',
      '2026-04-31',
      '2026',
      '99999',
      'March 5',
      '2026-1-5',
      '2026-01-31T25:00',
    ])
      expect(parseDate(text), text).toBeUndefined();
  });
});

const chapter = { title: 'One', order: 1 };

describe('story.md written as archives and other tools write it', () => {
  const problems = (fields: Record<string, unknown>) => schemaProblems(storySchema, { title: 'T', author: 'A', ...fields });
  it.each([
    [{ language: 'English' }, 'language: language must be a BCP 47 tag such as en or fr-CA ("English": write language: en)'],
    [{ language: 'Español' }, 'language: language must be a BCP 47 tag such as en or fr-CA ("Español": write language: es)'],
    [{ language: 'русский' }, 'language: language must be a BCP 47 tag such as en or fr-CA ("русский": write language: ru)'],
    [{ language: 'en-12' }, 'language: language must be a BCP 47 tag such as en or fr-CA (the region a two-letter code)'],
    [{ language: 'Tagalog' }, 'language: language must be a BCP 47 tag such as en or fr-CA ("Tagalog": write language: tl)'],
    [{ language: '中文' }, 'language: language must be a BCP 47 tag such as en or fr-CA ("中文": write language: zh)'],
    [
      { language: 'Chinese (Traditional)' },
      'language: language must be a BCP 47 tag such as en or fr-CA ("Chinese (Traditional)": write language: zh-Hant)',
    ],
    [
      { language: 'Brazilian Portuguese' },
      'language: language must be a BCP 47 tag such as en or fr-CA ("Brazilian Portuguese": write language: pt-BR)',
    ],
    [{ language: 'pt_BR' }, 'language: language must be a BCP 47 tag such as en or fr-CA ("pt_BR": write language: pt-BR)'],
    [
      { language: 'Klingon' },
      'language: language must be a BCP 47 tag such as en or fr-CA ("Klingon" is none: write its tag, such as es for Spanish or zh-Hant for traditional Chinese)',
    ],
    [{ status: 'Completed' }, 'status: status must be in-progress or complete ("Completed": write status: complete)'],
    [{ status: 'WIP' }, 'status: status must be in-progress or complete ("WIP": write status: in-progress)'],
    [{ status: 'Ongoing' }, 'status: status must be in-progress or complete ("Ongoing": write status: in-progress)'],
    [{ status: 'paused?' }, 'status: status must be in-progress or complete'],
    [
      { tags: 'Fluff, Hurt/Comfort, #slowburn' },
      'tags: tags must be a list: tags: [Fluff, Hurt/Comfort, "#slowburn"] (or one per line below tags:, each after "- ")',
    ],
    [
      { characters: 3 },
      'characters: characters must be a list, such as [Meg Giry, Christine Daaé] (or one per line below characters:, each after "- ")',
    ],
  ])('%o is one problem, saying what to write', (fields, message) => {
    expect(problems(fields)).toEqual([message]);
  });
});

describe('a chapter’s address', () => {
  it('written as a name (Obsidian’s aliases are names) is told the address to write', () => {
    expect(schemaProblems(chapterSchema, { title: 'One', order: 1, aliases: ['The Mask', 'chapter-1'], slug: 'Ch 1' })).toEqual([
      'slug: slug "Ch 1" must be lowercase letters, digits and single hyphens (chapter-12, глава-3, 雪の日); write ch-1',
      'aliases.0: alias "The Mask" must be lowercase letters, digits and single hyphens (chapter-12, глава-3, 雪の日); write the-mask',
    ]);
    expect(schemaProblems(chapterSchema, { title: 'One', order: 1, slug: '🌙' })).toEqual([
      'slug: slug "🌙" must be lowercase letters, digits and single hyphens (chapter-12, глава-3, 雪の日)',
    ]);
  });
});

describe('the story’s time zone', () => {
  it('is one of the tz database’s names, or the author is told what to write', () => {
    expect(schemaProblems(storySchema, { title: 'T', author: 'A', timeZone: 'Europe/London' })).toEqual([]);
    expect(schemaProblems(storySchema, { title: 'T', author: 'A', timeZone: 'EST5' })).toEqual([
      'timeZone: timeZone must be a time zone such as Europe/London or America/New_York (the tz database\'s names; "EST5" is none)',
    ]);
    expect(schemaProblems(storySchema, { title: 'T', author: 'A', tz: 'UTC' })).toEqual(['unknown key "tz": did you mean timeZone?']);
  });

  it('dates a chapter’s published and revised written without a zone; one with a zone, or none given, stays as read', () => {
    const data = chapterSchema.parse({ title: 'One', order: 1, published: '2027-01-08 18:00', revised: '2027-02-01T09:00:00Z' });
    const zoned = inTimeZone(data, { published: '2027-01-08 18:00', revised: '2027-02-01T09:00:00Z' }, 'America/New_York');
    expect(zoned.published?.toISOString()).toBe('2027-01-08T23:00:00.000Z');
    expect(zoned.revised?.toISOString()).toBe('2027-02-01T09:00:00.000Z');
    expect(inTimeZone(data, { published: '2027-01-08 18:00' }, undefined).published?.toISOString()).toBe('2027-01-08T18:00:00.000Z');
  });
});

describe('the chapter schema', () => {
  it('reports a mistyped required key once, with its suggestion, not also as missing', () => {
    expect(schemaProblems(chapterSchema, { title: 'One', oder: 1 })).toEqual(['unknown key "oder": did you mean order?']);
    expect(schemaProblems(storySchema, { title: 'T', autor: 'A' })).toEqual(['unknown key "autor": did you mean author?']);
    expect(schemaProblems(storySchema, { title: 'T', author: 'A', series: { titel: 'S', part: 1 } })).toEqual([
      'series: unknown key "titel": did you mean title?',
    ]);
    // A key missing with no near miss is still missing.
    expect(schemaProblems(storySchema, { title: 'T', mood: 'A' })).toEqual([
      'author: author is required',
      expect.stringMatching(/^unknown key "mood"; the keys are/),
    ]);
  });

  it('lists unknown keys without a near miss together, with the keys there are once', () => {
    expect(schemaProblems(storySchema, { title: 'T', author: 'A', mood: 'x', colour: 'y', autor: 'z' })).toEqual([
      expect.stringMatching(/^unknown key "autor": did you mean author\?; unknown keys "mood", "colour"; the keys are title, author, /),
    ]);
  });

  it('rejects an unknown key, suggesting the one meant', () => {
    expect(schemaProblems(chapterSchema, { ...chapter, autorsNote: 'Hi' })).toEqual([
      'unknown key "autorsNote": did you mean authorsNote?',
    ]);
    expect(schemaProblems(chapterSchema, { ...chapter, Published: '2026-01-01' })).toEqual([
      'unknown key "Published": did you mean published?',
    ]);
    expect(schemaProblems(chapterSchema, { ...chapter, mood: 'sad' })).toEqual([
      expect.stringMatching(/^unknown key "mood"; the keys are title, order, /),
    ]);
  });

  it('takes the part a chapter opens as a name on one line, and the names other tools give it', () => {
    expect(chapterSchema.parse({ ...chapter, part: ' Book Two: The Sea ' }).part).toBe('Book Two: The Sea');
    expect(schemaProblems(chapterSchema, { ...chapter, part: 'Book Two\nThe Sea' })).toEqual([
      'part: part is a name on one line, such as part: "Book Two: The Sea"',
    ]);
    expect(schemaProblems(chapterSchema, { ...chapter, part: ' ' })).toEqual(['part: part must not be empty']);
    expect(schemaProblems(chapterSchema, { ...chapter, volume: 'Volume 2' })).toEqual([expect.stringMatching(/"volume".*part/)]);
  });

  it('rejects impossible, empty and non-date values of published', () => {
    for (const published of ['2026-02-30', null, '', 2026, true, 'March 5']) {
      expect(schemaProblems(chapterSchema, { ...chapter, published }), String(published)).toEqual([
        expect.stringMatching(/^published: published must be a date such as 2026-01-31/),
      ]);
    }
    expect(chapterSchema.parse({ ...chapter, published: '2026-02-28' }).published).toEqual(new Date('2026-02-28'));
    // Jekyll's way of holding a post back.
    expect(schemaProblems(chapterSchema, { ...chapter, published: false })).toEqual([
      'published: published must be a date such as 2026-01-31 (not false: to hold the chapter back, write draft: true)',
    ]);
  });

  it('names the key meant by what other tools call it (Jekyll’s date, Hugo’s weight), and where a story’s key goes', () => {
    expect(schemaProblems(chapterSchema, { title: 'One', chapter: 1, pub_date: '2026-01-01', Description: 'x', tags: ['a'] })).toEqual([
      'unknown key "chapter": did you mean order?; unknown key "pub_date": did you mean published?; unknown key "Description": did you mean summary?; unknown key "tags": tags is a key of story.md, for the whole story',
    ]);
    expect(schemaProblems(chapterSchema, { ...chapter, 'author-note': 'Hi', lastmod: '2026-01-01', weight: 2 })).toEqual([
      'unknown key "author-note": did you mean authorsNote?; unknown key "lastmod": did you mean revised?; unknown key "weight": did you mean order?',
    ]);
  });

  it('rejects a title of nothing but invisible characters', () => {
    expect(schemaProblems(chapterSchema, { ...chapter, title: '\u200b' })).toEqual(['title: title must not be empty']);
    expect(schemaProblems(chapterSchema, { ...chapter, title: ' \u00a0\ufeff ' })).toEqual(['title: title must not be empty']);
    expect(schemaProblems(chapterSchema, { order: 1 })).toEqual(['title: title is required']);
  });
});

describe('the story schema', () => {
  it('lists unknown keys without a near miss together, with the keys there are once', () => {
    expect(schemaProblems(storySchema, { title: 'T', author: 'A', mood: 'x', colour: 'y', autor: 'z' })).toEqual([
      expect.stringMatching(/^unknown key "autor": did you mean author\?; unknown keys "mood", "colour"; the keys are title, author, /),
    ]);
  });

  it('rejects an unknown key, suggesting the one meant', () => {
    expect(schemaProblems(storySchema, { title: 'T', author: 'A', fandon: 'X' })).toEqual(['unknown key "fandon": did you mean fandom?']);
    // What archives and other tools call them; a summary is the file's text, not a key.
    expect(schemaProblems(storySchema, { title: 'T', authors: 'A', lang: 'fr', pairings: ['A/B'], description: 'x' })).toEqual([
      'unknown key "authors": did you mean author?; unknown key "lang": did you mean language?; unknown key "pairings": did you mean relationships?; unknown key "description": the summary is the text of story.md after the frontmatter (below the closing ---)',
    ]);
  });

  it('takes co-authors as a list, shown as archives show a work’s creators', () => {
    expect(storySchema.parse({ title: 'T', author: [' Ada ', 'Wren'] }).author).toBe('Ada, Wren');
    expect(storySchema.parse({ title: 'T', author: [' Ada ', 'Smith, John'] }).authors).toEqual(['Ada', 'Smith, John']);
    expect(storySchema.parse({ title: 'T', author: 'Wren' }).authors).toEqual(['Wren']);
    expect(storySchema.parse({ title: 'T', author: ' Ada ' }).author).toBe('Ada');
    expect(schemaProblems(storySchema, { title: 'T', author: ['Ada', 3] })).toEqual([
      'author: author must be a name, or the co-authors’ names as a list: author: [Ada, Wren]',
    ]);
    expect(schemaProblems(storySchema, { title: 'T', author: [] })).toEqual([
      'author: author must be a name, or the co-authors’ names as a list: author: [Ada, Wren]',
    ]);
    expect(schemaProblems(storySchema, { title: 'T', author: ['Ada', '\u200b'] })).toEqual(['author: author must not be empty']);
    expect(schemaProblems(storySchema, { title: 'T' })).toEqual(['author: author is required']);
    // A chapter's order in quotes, and a yes typed for true: the fix is the value YAML reads as meant.
    expect(schemaProblems(chapterSchema, { title: 'One', order: '3', draft: 'yes' })).toEqual([
      'order: order must be a number, not text: write it without quotes, order: 3',
      'draft: draft must be true or false: write true for yes',
    ]);
    expect(schemaProblems(chapterSchema, { title: 'One', order: 'three', draft: 'Off' })).toEqual([
      'order: order must be a number: 0 for the prologue, 1, 2… (4.5 between 4 and 5)',
      'draft: draft must be true or false: write false for Off',
    ]);
    // YAML reads a title of digits, or true, as a number or a yes or no: the fix is quotes.
    expect(schemaProblems(storySchema, { title: 1984, author: 7 })).toEqual([
      'title: title must be text, and YAML read it without quotes as the number 1984: put it in quotes as you wrote it ("…")',
      'author: author must be text, and YAML read it without quotes as the number 7: put it in quotes as you wrote it ("…")',
    ]);
    expect(schemaProblems(storySchema, { title: true, author: 'A' })).toEqual([
      'title: title must be text, and YAML read it without quotes as the yes or no true: put it in quotes as you wrote it ("…")',
    ]);
  });
});

describe('labels in story.md', () => {
  const story = (labels: unknown) => ({ title: 'T', author: 'A', labels });

  it('takes the author’s wording for any string, plain or by plural', () => {
    expect(
      schemaProblems(
        storySchema,
        story({ 'note.authors': 'A word from me', 'count.words': { one: '{count} word', other: '{count} words' } }),
      ),
    ).toEqual([]);
  });

  it('rejects a key the site does not have, suggesting the one meant', () => {
    expect(schemaProblems(storySchema, story({ 'note.author': 'Hi' })).join()).toMatch(
      /labels: unknown key "note.author": did you mean note.authors\?/,
    );
  });

  it('needs "other" among plural forms, and text for each', () => {
    expect(schemaProblems(storySchema, story({ 'count.words': { one: '{count} word' } })).join()).toMatch(/other/);
    expect(schemaProblems(storySchema, story({ 'note.end': 42 })).join()).toMatch(/a label must be text/);
  });
});
