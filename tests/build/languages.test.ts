import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { epubcheck } from '../support/epubcheck';
import { builtSite, siteFiles } from '../support/html';
import type { SiteName } from '../support/sites';
import { en } from '../../src/shared/i18n/en';
import { messagesFor, translations } from '../../src/shared/i18n';
import { countWords } from '../../src/shared/text-stats';

const languages = [
  { site: 'es', lang: 'es', dir: 'ltr', epub: 'la-mascara-de-daae.epub' },
  { site: 'ja', lang: 'ja', dir: 'ltr', epub: '夏目と冬の手紙.epub' },
  { site: 'zh', lang: 'zh-Hans', dir: 'ltr', epub: '湖边的灯笼.epub' },
  { site: 'ar', lang: 'ar', dir: 'rtl', epub: 'رسائل-من-البحر.epub' },
  { site: 'he', lang: 'he', dir: 'rtl', epub: 'אור-על-המים.epub' },
  { site: 'th', lang: 'th', dir: 'ltr', epub: 'แสงไฟริมทะเล.epub' },
] as const satisfies readonly { site: SiteName; lang: string; dir: string; epub: string }[];

/**
 * The English of each string the language translates differently, cut at its placeholders:
 * the phrases that must not be left on a page ("Start reading: ", "Reading settings").
 */
function englishPhrases(language: string, minimumLetters: number): string[] {
  const own = messagesFor(language);
  const forms = (message: unknown) => (typeof message === 'string' ? [message] : Object.values(message as Record<string, string>));
  return [
    ...new Set(
      (Object.keys(en) as (keyof typeof en)[])
        .filter((key) => JSON.stringify(own[key]) !== JSON.stringify(en[key]))
        .flatMap((key) => forms(en[key]))
        .flatMap((message) => message.split(/\{\w+\}/))
        .map((phrase) => phrase.trim())
        .filter((phrase) => (phrase.match(/\p{L}/gu)?.length ?? 0) >= minimumLetters),
    ),
  ];
}

/** What a reader meets on a page: its text, and the labels, titles and placeholders of its elements. */
function readerText(html: string): string {
  const { document } = parseHTML(html);
  const attributes = [
    ...document.querySelectorAll('[aria-label], [title], [placeholder], [alt], meta[name="description"], meta[property^="og:"]'),
  ].flatMap((element) => ['aria-label', 'title', 'placeholder', 'alt', 'content'].map((name) => element.getAttribute(name) ?? ''));
  return [document.title, document.body?.textContent ?? '', ...attributes].join('\n');
}

describe.each(languages)('a story in $lang', ({ site, lang, dir, epub }) => {
  const root = builtSite(site);
  const pages = siteFiles(root).filter((file) => file.endsWith('.html'));

  it('declares its language and direction on every page', () => {
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      const { document } = parseHTML(readFileSync(join(root, file), 'utf8'));
      expect([document.documentElement.getAttribute('lang'), document.documentElement.getAttribute('dir')], file).toEqual([lang, dir]);
    }
  });

  it('leaves no English string on any page, in the feed or in the EPUB', () => {
    const phrases = englishPhrases(lang, 4);
    expect(phrases.length).toBeGreaterThan(100);
    const epubFiles = unzipSync(readFileSync(join(root, epub)));
    const texts: [string, string][] = [
      ...pages.map((file): [string, string] => [file, readerText(readFileSync(join(root, file), 'utf8'))]),
      ['rss.xml', readFileSync(join(root, 'rss.xml'), 'utf8')],
      ...Object.entries(epubFiles)
        .filter(([name]) => name.endsWith('.xhtml'))
        .map(([name, bytes]): [string, string] => [`${epub}/${name}`, readerText(strFromU8(bytes))]),
    ];
    for (const [file, text] of texts) {
      const left = phrases.filter((phrase) => text.includes(phrase));
      expect(left, file).toEqual([]);
    }
  });

  it('ships only its own language’s strings to the browser', () => {
    const phrases = englishPhrases(lang, 8).filter((phrase) => phrase.includes(' '));
    const own = Object.values(messagesFor(lang)).filter((message): message is string => typeof message === 'string' && message.length > 12);
    const scripts = siteFiles(join(root, '_astro')).filter((file) => file.endsWith('.js'));
    const bundled = scripts.map((file) => readFileSync(join(root, '_astro', file), 'utf8')).join('\n');
    expect(phrases.filter((phrase) => bundled.includes(phrase))).toEqual([]);
    // Another language's strings are not there either.
    const other = lang === 'es' ? translations.ja! : translations.es!;
    const mine = messagesFor(lang);
    expect(
      Object.entries(other).filter(
        ([key, message]) =>
          typeof message === 'string' && message.length > 12 && message !== mine[key as keyof typeof mine] && bundled.includes(message),
      ),
    ).toEqual([]);
    expect(own.some((message) => bundled.includes(message.split('{')[0]!))).toBe(true);
  });

  it('names the EPUB after the title, in its own script', () => {
    expect(existsSync(join(root, epub))).toBe(true);
  });

  it('passes epubcheck, right to left included', async (context) => {
    // One run for every language's EPUB, shared by these tests.
    const results = await epubcheck(
      context,
      languages.map((language) => join(builtSite(language.site), language.epub)),
    );
    const result = results.find((checked) => checked.file === join(root, epub));
    expect(result!.report).toContain('No errors or warnings detected.');
    const opf = strFromU8(unzipSync(readFileSync(join(root, epub)))['OEBPS/content.opf']!);
    expect(opf.includes('page-progression-direction="rtl"')).toBe(dir === 'rtl');
  });
});

describe('the author’s own labels', () => {
  it('replace the translation on the pages and in the browser’s strings', () => {
    const root = builtSite('es');
    const { document } = parseHTML(readFileSync(join(root, 'capitulo-1/index.html'), 'utf8'));
    expect(document.querySelector('.chapter-note.authors .label')?.textContent).toBe('Unas palabras de la autora');
    const bundled = siteFiles(join(root, '_astro'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(root, '_astro', file), 'utf8'))
      .join('\n');
    expect(bundled).toContain('¡Has vuelto!');
  });
});

describe('counts in Chinese and Japanese', () => {
  it('counts characters, as those readers and AO3 do, and reads them at their pace', () => {
    const { document } = parseHTML(readFileSync(join(builtSite('ja'), 'chapter-1/index.html'), 'utf8'));
    const text = document.querySelector('#chapter-text')!;
    for (const note of text.querySelectorAll('.footnotes h2, [data-footnote-ref], [data-footnote-backref]')) note.remove();
    const characters = countWords(text.textContent ?? '');
    expect(characters).toBeGreaterThan(100);
    expect(document.querySelector('.chapter-header .details')?.textContent).toMatch(new RegExp(`^\\s*${characters}文字 · 約1分`));
  });

  it('shows the Chinese story’s length in characters on its home page', () => {
    const { document } = parseHTML(readFileSync(join(builtSite('zh'), 'index.html'), 'utf8'));
    expect(document.body.textContent).toMatch(/字数\s*\d+/);
    expect(document.querySelector('.time-left')?.textContent).toMatch(/^阅读约需 1 分钟$/);
  });
});

describe('emphasis in Chinese and Japanese text', () => {
  it('is emphasis, not literal asterisks, next to CJK punctuation', () => {
    const { document } = parseHTML(readFileSync(join(builtSite('ja'), 'chapter-1/index.html'), 'utf8'));
    expect(document.querySelector('#chapter-text em')?.textContent).toBe('まったく……。');
    expect(document.querySelector('#chapter-text')?.textContent).not.toContain('*');
  });
});

describe('ruby in a Japanese story', () => {
  it('sets the reading written ｜藤原《ふじわら》 over its characters, on the page and in the EPUB', () => {
    const { document } = parseHTML(readFileSync(join(builtSite('ja'), '雪だるま/index.html'), 'utf8'));
    const ruby = document.querySelector('#chapter-text ruby');
    expect([ruby?.firstChild?.textContent, ruby?.querySelector('rt')?.textContent]).toEqual(['藤原', 'ふじわら']);
    expect(document.querySelector('#chapter-text')?.textContent).not.toMatch(/[｜《》]/);
    const book = unzipSync(readFileSync(join(builtSite('ja'), '夏目と冬の手紙.epub')));
    const chapters = Object.entries(book)
      .filter(([name]) => name.endsWith('.xhtml'))
      .map(([, bytes]) => strFromU8(bytes));
    expect(chapters.some((xhtml) => xhtml.includes('<ruby>藤原<rp>(</rp><rt>ふじわら</rt><rp>)</rp></ruby>'))).toBe(true);
  });
});

describe('addresses in the story’s script', () => {
  it('serves a chapter whose file name is Japanese at a readable address', () => {
    expect(existsSync(join(builtSite('ja'), '雪だるま', 'index.html'))).toBe(true);
    const { document } = parseHTML(readFileSync(join(builtSite('ja'), 'chapter-1/index.html'), 'utf8'));
    expect(document.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/雪だるま/');
  });
});
