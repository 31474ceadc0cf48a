import { slugProblem } from '../../src/core/slug';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { problems, problemsList } from '../../src/core/problems';
import { scheduleWarnings } from '../../src/core/schedule';
import { chapterWarnings, languageWarnings, storyWarnings, validateStory } from '../../src/core/story';
import { createRenderer } from '../../src/markdown/render';
import { stringsFor } from '../../src/shared/i18n';
import { en } from '../../src/shared/i18n/en';
import { scanChapters } from '../../src/source/content-files';
import { readStory } from '../../src/source/story-source';
import { makeWorkDir } from '../../src/cli/support/work-dir';
import { readInput } from '../../src/importer/read';
import { strToU8, zipSync } from 'fflate';
import { chapterSource, storySource } from '../support/story-sources';

const readme = new URL('../../README.md', import.meta.url);
const listed = /(<!-- problems:[^\n]*-->\n)[\s\S]*?(\n<!-- \/problems -->)/;

describe('the catalogue of problems', () => {
  it('is listed in the README as it stands (UPDATE_README=1 rewrites the list)', () => {
    const text = readFileSync(readme, 'utf8');
    expect(text).toMatch(listed);
    const current = text.replace(listed, (_, open: string, close: string) => `${open}\n${problemsList()}\n${close}`);
    if (process.env.UPDATE_README) writeFileSync(readme, current);
    else expect(text).toBe(current);
  });

  it('names each problem once, with a title and a level', () => {
    const titles = Object.values(problems).map((problem) => problem.title);
    expect(new Set(titles).size).toBe(titles.length);
    for (const [name, problem] of Object.entries(problems)) {
      expect(name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      expect(['error', 'warning', 'refusal']).toContain(problem.level);
    }
  });
});

const story = storySource();
const chapter = chapterSource;
const file = (id: string) => `content/chapters/${id}.md`;

describe('the story checks report each problem by its name', () => {
  it.each([
    ['EmptyChapter', [chapter('empty', { order: 1 }, '')], problems.EmptyChapter.message(file('empty'))],
    [
      'SharedOrderOrSlug',
      [chapter('a', { order: 2 }), chapter('b', { order: 2 })],
      problems.SharedOrderOrSlug.message('order', '2', [file('a'), file('b')]),
    ],
    ['FileNameNotUrl', [chapter('🌙', { order: 1 })], problems.FileNameNotUrl.message(file('🌙'), '🌙')],
    // A chapter named like a page of the site's own would be lost behind it.
    ...(['search', 'read', 'offline'] as const).map(
      (slug) =>
        ['ReservedSlug', [chapter(slug, { order: 1 })], problems.ReservedSlug.message(file(slug), slug, slugProblem(slug)!)] as const,
    ),
    // An old address that is the chapter's own, another chapter's, or another's old address too.
    [
      'AliasTaken',
      [chapter('the-mask', { order: 1, aliases: ['the-mask'] })],
      problems.AliasTaken.message(file('the-mask'), 'the-mask', undefined),
    ],
    [
      'AliasTaken',
      [chapter('a', { order: 1, aliases: ['B'] }), chapter('b', { order: 2 })],
      problems.AliasTaken.message(file('a'), 'B', file('b')),
    ],
    [
      'AliasTaken',
      [chapter('a', { order: 1, aliases: ['old'] }), chapter('b', { order: 2, aliases: ['old'] })],
      problems.AliasTaken.message(file('b'), 'old', file('a')),
    ],
    [
      'RevisedBeforePublished',
      [chapter('late', { order: 1, published: new Date('2026-03-01'), revised: new Date('2026-02-01') })],
      problems.RevisedBeforePublished.message(file('late'), '2026-02-01', '2026-03-01'),
    ],
  ] as const)('%s', (_, chapters, message) => {
    expect(validateStory([story], [...chapters])).toContain(message);
  });

  it('MissingStory and NoChapters', () => {
    expect(validateStory([], [])).toEqual([problems.MissingStory.message(), problems.NoChapters.message()]);
  });

  it('the warnings: OrderGap, TitleOfTheOneBefore, TextOfAnother, MixedQuotes, ParagraphsRunTogether, LanguageScript, LanguageWords, ArabicLetterForms, ChineseCharacters, InterfaceUntranslated, MoreThanExpected', () => {
    const sources = [1, 2, 5].map((n) => chapter(`chapter-${n}`, { order: n, title: `Chapter ${n}` }));
    expect(storyWarnings(sources)).toEqual([problems.OrderGap.message(file('chapter-5'), 2, 5)]);
    // A file copied for the next chapter, its title left as it was; a draft between them is not read.
    const copied = [
      chapter('chapter-1', { order: 1, title: 'Chapter 1: The Storm' }),
      chapter('chapter-2', { order: 2, title: 'Chapter 1: The Storm ' }),
      chapter('part-2-chapter-1', { order: 3, title: 'Chapter 1' }),
      chapter('draft', { order: 4, title: 'Chapter 1', draft: true }),
      chapter('part-2-chapter-2', { order: 5, title: 'Chapter 2' }),
    ];
    expect(storyWarnings(copied)).toEqual([
      problems.TitleOfTheOneBefore.message(file('chapter-2'), file('chapter-1'), 'Chapter 1: The Storm '),
    ]);
    // A file copied for the next chapter, its text left; a draft is not read, nor a line or two alike.
    const storm = 'The storm came in at dusk, and the keeper climbed the stair to light the lamp, as he had every night for eleven years.';
    const same = [
      chapter('chapter-1', { order: 1, title: 'One' }, storm),
      chapter('chapter-2', { order: 2, title: 'Two' }, storm.replace(' ', '  \n')),
      chapter('draft', { order: 3, title: 'Three', draft: true }, storm),
      chapter('chapter-3', { order: 4, title: 'Four' }, 'To be continued.'),
      chapter('chapter-4', { order: 5, title: 'Five' }, 'To be continued.'),
    ];
    expect(storyWarnings(same)).toEqual([problems.TextOfAnother.message(file('chapter-2'), file('chapter-1'))]);
    expect(problems.OrderGap.message('x', 2, 5)).toMatch(/chapter 3–4 are missing$/);
    expect(chapterWarnings(chapter('q', { order: 1 }, 'He said "no" and “yes”.'))).toEqual([problems.MixedQuotes.message(file('q'), 2, 2)]);
    const typed = chapter('typed', { order: 1 });
    typed.body.runTogether = 'She came in from the rain.';
    expect(chapterWarnings(typed)).toEqual([problems.ParagraphsRunTogether.message(file('typed'), 'She came in from the rain.')]);
    const planned = { ...story, data: { ...story.data, expectedChapters: 2 } };
    const chinese = [chapter('chapter-1', { order: 1 }, '她走进了灯塔。没有人回答她。他守着这些灯，守了十一年，从来没有人注意到。')];
    expect(languageWarnings(story, chinese)).toEqual([problems.LanguageScript.message(story.filePath, 'en', 'Hani', 'zh')]);
    expect(problems.LanguageScript.message(story.filePath, 'en', 'Hani', 'zh')).toMatch(
      /language is en, but the chapters are written in Chinese characters; set language: zh/,
    );
    expect(languageWarnings({ ...story, data: { ...story.data, language: 'zh-Hant' } }, chinese)).toEqual([]);
    // In Latin letters, a language told by its words: French chapters under the sample's `language: en`.
    const french = [
      chapter(
        'chapter-1',
        { order: 1 },
        "Elle entra sans bruit et personne ne lui répondit. Le gardien était dans l'escalier avec sa lampe, et il ne se retourna pas. Il était tard, et la mer grondait contre les rochers. Elle avait attendu cette nuit depuis longtemps, mais maintenant qu'elle était là, elle ne savait pas quoi lui dire.",
      ),
    ];
    expect(languageWarnings(story, french)).toEqual([problems.LanguageWords.message(story.filePath, 'en', 'fr')]);
    expect(problems.LanguageWords.message(story.filePath, 'en', 'fr')).toMatch(
      /language is en, but the chapters read as French .*; set language: fr/,
    );
    expect(languageWarnings({ ...story, data: { ...story.data, language: 'fr-CA' } }, french)).toEqual([]);
    // A language whose words are not among those told apart is not second-guessed.
    expect(languageWarnings({ ...story, data: { ...story.data, language: 'oc' } }, french)).toEqual([
      problems.InterfaceUntranslated.message(story.filePath, 'oc'),
    ]);
    // A Persian story with words typed on a keyboard set to Arabic (ي ك), which a Persian keyboard's search misses.
    const persian = { ...story, data: { ...story.data, language: 'fa' } };
    const keyboard = [
      chapter('chapter-1', { order: 1 }, 'باد در كنار دريا می‌وزید و او ایستاده بود.'),
      chapter('chapter-2', { order: 2 }, 'او از صد و دوازده پله بالا رفت و چراغ را روشن کرد.'),
    ];
    expect(languageWarnings(persian, keyboard)).toEqual([problems.ArabicLetterForms.message(file('chapter-1'), ['كنار', 'دريا'])]);
    expect(problems.ArabicLetterForms.message(file('chapter-1'), ['كنار', 'دريا'])).toMatch(
      /2 words typed with Arabic’s ي or ك \(كنار، دريا\)/,
    );
    // A run of 200,000 letters without a space is read in linear time, not again from each letter.
    const started = performance.now();
    expect(languageWarnings(persian, [chapter('long', { order: 1 }, `${'ب'.repeat(200_000)} كنار`)])).toEqual([
      problems.ArabicLetterForms.message(file('long'), ['كنار']),
    ]);
    expect(performance.now() - started).toBeLessThan(2_000);
    // In Arabic, those are its letters.
    expect(languageWarnings({ ...story, data: { ...story.data, language: 'ar' } }, keyboard)).toEqual([]);
    // A Chinese story in traditional characters whose language names simplified ones (zh, as most authors type it).
    const traditionalText = [
      chapter(
        'chapter-1',
        { order: 1 },
        '她從雨中走進來，沒有人回答她。守燈人站在樓梯上，手裡拿著燈，他沒有回頭。她等這一夜等了很久，但現在夜來了，她卻不知道該對他說什麼。',
      ),
    ];
    const inChinese = (language: string) => ({ ...story, data: { ...story.data, language } });
    expect(languageWarnings(inChinese('zh'), traditionalText)).toEqual([problems.ChineseCharacters.message(story.filePath, 'zh')]);
    expect(problems.ChineseCharacters.message(story.filePath, 'zh')).toMatch(
      /language is zh, but the chapters are written in traditional characters; set language: zh-Hant \(or zh-TW, zh-HK\)/,
    );
    for (const [language, text] of [
      ['zh-TW', traditionalText],
      ['zh-Hant', traditionalText],
      ['zh-HK', traditionalText],
      ['zh-CN', chinese],
    ] as const)
      expect(languageWarnings(inChinese(language), [...text]), language).toEqual([]);
    // A language the site's words are not translated into: said once, until labels give every one.
    const greek = { ...story, data: { ...story.data, language: 'el' } };
    const keeper = [chapter('chapter-1', { order: 1 }, 'Ο φύλακας ανέβηκε τη σκάλα και άναψε τη λάμπα, όπως κάθε βράδυ.')];
    expect(languageWarnings(greek, keeper)).toEqual([problems.InterfaceUntranslated.message(story.filePath, 'el')]);
    expect(problems.InterfaceUntranslated.message(story.filePath, 'el')).toMatch(
      /no Greek translation, so readers see them in English; add one as src\/shared\/i18n\/translations\/el\.ts/,
    );
    const labelled = {
      ...greek,
      data: { ...greek.data, labels: Object.fromEntries(Object.entries(en).map(([key, value]) => [key, value])) },
    };
    expect(languageWarnings(labelled, keeper)).toEqual([]);
    expect(languageWarnings({ ...story, data: { ...story.data, language: 'pt-BR' } }, [])).toEqual([]);
    expect(scheduleWarnings(planned, sources, new Date('2026-01-01'))).toContain(problems.MoreThanExpected.message(story.filePath, 2, 3));
  });
});

describe('the importer refuses by name', () => {
  it('EmptyFile, PdfFile, UnknownZip, PagesDocument and NoTitleLine', async () => {
    const read = (bytes: Uint8Array, name: string) =>
      readInput(bytes, name).then(
        () => 'read',
        (error: Error) => error.message,
      );
    expect(await read(new TextEncoder().encode('  \n'), 'chapter-1.txt')).toBe(problems.EmptyFile.message('chapter-1.txt'));
    expect(await read(new TextEncoder().encode('%PDF-1.7 ...'), 'story.pdf')).toBe(problems.PdfFile.message('story.pdf'));
    expect(await read(zipSync({ 'a.txt': strToU8('x') }), 'story.zip')).toBe(problems.UnknownZip.message('story.zip'));
    expect(await read(zipSync({ 'Index/Document.iwa': strToU8('x') }), 'draft.pages')).toBe(problems.PagesDocument.message('draft.pages'));
    expect(await read(new TextEncoder().encode('Just some prose.'), 'notes.txt')).toBe(problems.NoTitleLine.message('notes.txt'));
  });
});

describe('the content folder and the Markdown report problems by name', () => {
  const dirs: string[] = [];
  const workDir = () => {
    const dir = makeWorkDir('problems-');
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('NotMarkdownFile and FolderNamedLikeChapter', () => {
    const dir = workDir();
    mkdirSync(join(dir, 'chapters', 'old.md'), { recursive: true });
    writeFileSync(join(dir, 'chapters', 'chapter-1.txt'), 'Text.');
    const shown = (path: string) => path.slice(dir.length + 1);
    expect(scanChapters(dir, shown).problems).toEqual([
      problems.NotMarkdownFile.message('chapters/chapter-1.txt', 'chapter-1'),
      problems.FolderNamedLikeChapter.message('chapters/old.md', 'chapters'),
    ]);
  });

  it('NoContentFolder, StoryMisnamed and ChaptersMisplaced: no folder, Story.md and Chapters/, which a Mac finds and the machine that builds does not, or chapters beside story.md', async () => {
    const dir = workDir();
    // As the check prints paths: from where it runs.
    const shown = (...parts: string[]) => relative(process.cwd(), join(dir, ...parts));
    mkdirSync(join(dir, 'cased', 'Chapters'), { recursive: true });
    writeFileSync(join(dir, 'cased', 'Story.md'), '---\ntitle: T\nauthor: A\n---\n');
    writeFileSync(join(dir, 'cased', 'Chapters', 'one.md'), '---\ntitle: One\norder: 1\n---\n\nText.\n');
    const cased = await readStory(join(dir, 'cased'), { base: '/', now: new Date() });
    expect(cased.problems).toEqual([
      problems.ChaptersMisplaced.message(`${shown('cased', 'Chapters')}/ is there: rename the folder chapters`),
      problems.StoryMisnamed.message(shown('cased', 'Story.md')),
    ]);
    mkdirSync(join(dir, 'beside'));
    writeFileSync(join(dir, 'beside', 'story.md'), '---\ntitle: T\nauthor: A\n---\n');
    writeFileSync(join(dir, 'beside', 'chapter-1.md'), '---\ntitle: One\norder: 1\n---\n\nText.\n');
    expect((await readStory(join(dir, 'mistyped'), { base: '/', now: new Date() })).problems).toEqual([
      problems.NoContentFolder.message(shown('mistyped')),
    ]);
    const beside = await readStory(join(dir, 'beside'), { base: '/', now: new Date() });
    expect(beside.problems).toEqual([
      problems.ChaptersMisplaced.message(`chapter-1.md is beside story.md: move it into ${shown('beside', 'chapters')}/`),
    ]);
  });

  it('UnknownBlock, UnclosedComment and LinkToNoChapter, at their lines', async () => {
    const renderer = createRenderer({
      base: '/',
      chapters: new Map([['chapter-1', 'chapter-1']]),
      t: stringsFor('en'),
      image: () => ({ problem: 'none' }),
      remoteImages: false,
    });
    const { problems: found } = await renderer.chapter('Text.\n\n:::poem\nA line.\n:::\n\n[on](chapter-9.md)\n\n<!-- never closed');
    expect([...found].sort((a, b) => (a.line ?? 0) - (b.line ?? 0))).toEqual([
      { line: 3, message: problems.UnknownBlock.message('poem') },
      { line: 7, message: problems.LinkToNoChapter.message('chapter-9.md') },
      { line: 9, message: problems.UnclosedComment.message() },
    ]);
  });
});
