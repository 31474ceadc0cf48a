import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { builtSite, page } from '../support/html';

const epub = () =>
  unzipSync(readFileSync(join(builtSite('edge'), 'the-opera-ghosts-apprentice-or-how-a-ballet-girl-learned-to-read-the-mirrors.epub')));

/** Every `#fragment` link in a document that points at no id in it. */
function deadFragments(doc: Document): string[] {
  const ids = new Set([...doc.querySelectorAll('[id]')].map((el) => el.id));
  // A bare "#" is a placeholder a script fills in (the resume prompt).
  return [...doc.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1)).filter((id) => id !== '' && !ids.has(id));
}

describe('footnotes', () => {
  it('work on the chapter page: markers and back links reach each other', () => {
    const doc = page('edge', 'prologue/');
    expect(doc.querySelectorAll('#chapter-text a[data-footnote-ref]')).toHaveLength(2);
    expect(doc.querySelectorAll('[data-note="authors"] a[data-footnote-ref]')).toHaveLength(1);
    expect(deadFragments(doc)).toEqual([]);
    const described = [...doc.querySelectorAll('[aria-describedby]')].map((el) => el.getAttribute('aria-describedby')!);
    for (const id of described) expect(doc.getElementById(id), id).not.toBeNull();
  });

  it('work on the entire work, where several chapters have a footnote 1', () => {
    const doc = page('edge', 'read/');
    expect(deadFragments(doc)).toEqual([]);
    for (const el of doc.querySelectorAll('[aria-describedby]'))
      expect(doc.getElementById(el.getAttribute('aria-describedby')!)).not.toBeNull();
    const ids = [...doc.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('work in the EPUB', () => {
    const prologue = parseHTML(strFromU8(epub()['OEBPS/chapters/prologue.xhtml']!)).document;
    expect(prologue.querySelectorAll('a[data-footnote-ref]').length).toBeGreaterThan(0);
    expect(deadFragments(prologue)).toEqual([]);
  });
});

describe('ids the author’s text would share with the page', () => {
  it('are renamed in the text, never duplicated', () => {
    const doc = page('edge', 'prologue/');
    expect(doc.querySelectorAll('#main')).toHaveLength(1);
    expect(doc.querySelector('main')?.id).toBe('main');
    expect(doc.querySelectorAll('#p-1')).toHaveLength(1);
    expect(doc.getElementById('p-1')?.tagName).toBe('P');
    const ids = [...doc.querySelectorAll('[id]')].map((el) => el.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keep working as link targets', () => {
    const doc = page('edge', 'prologue/');
    expect(doc.querySelector('a[href="#door"]')).not.toBeNull();
    expect(doc.getElementById('door')?.textContent).toMatch(/^The door/);
  });
});

describe('links between chapters', () => {
  it('follow the chapter’s slug, whether written with its file name or its slug', () => {
    const hrefs = [...page('edge', 'prologue/').querySelectorAll('#chapter-text a')].map((a) => a.getAttribute('href'));
    expect(hrefs.filter((href) => href?.startsWith('/'))).toEqual(['/the-mask/', '/the-mask/']);
    expect(page('edge', 'prologue/').querySelector('[data-note="authors"] a[href="/the-mask/#p-2"]')).not.toBeNull();
  });

  it('stay within the page on the entire work, and point at the chapter’s file in the EPUB', () => {
    const read = page('edge', 'read/');
    expect(read.querySelector('#prologue a[href="#the-mask"]')).not.toBeNull();
    expect(read.querySelector('#prologue a[href="#the-mask--p-2"]')).not.toBeNull();
    expect(strFromU8(epub()['OEBPS/chapters/prologue.xhtml']!)).toContain('href="the-mask.xhtml#p-2"');
  });
});

describe('text that XML cannot hold as it is', () => {
  it('is escaped in the feed and the EPUB, so both stay well-formed', () => {
    expect(readFileSync(join(builtSite('edge'), 'rss.xml'), 'utf8')).not.toMatch(/]]>(?![\s\S]*<!\[CDATA)/);
    for (const [name, bytes] of Object.entries(epub())) {
      if (name.endsWith('.xhtml')) expect(strFromU8(bytes), name).not.toContain(']]>');
    }
  });
});

describe('a 255-character title', () => {
  it('makes an EPUB file name short enough for any file system', () => {
    const link = [...page('edge', '').querySelectorAll('a')].find((a) => a.textContent?.startsWith('Download EPUB'));
    expect(link?.getAttribute('href')?.length).toBeLessThan(100);
  });
});

describe('words removed with script and style', () => {
  it('reach no description, feed item or word count', () => {
    const chapter = page('hostile', 'chapter-1/');
    const description = chapter.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
    expect(description).not.toMatch(/pwned|display: none|\[\^/);
    expect(readFileSync(join(builtSite('hostile'), 'rss.xml'), 'utf8')).not.toMatch(/pwned|display: none/);
    // A word is letters and digits, joined by an apostrophe, a hyphen or a dot (the iframe's link reads "evil.example").
    const shown = chapter.querySelector('#chapter-text')?.textContent?.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length;
    const counted = Number(chapter.querySelector('.chapter-header .details')?.textContent?.match(/^(\d+) words/)?.[1]);
    expect(counted).toBe(shown);
  });

  it('nor footnote markup', () => {
    const description = page('edge', 'prologue/').querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
    expect(description).not.toMatch(/\[\^|\^1|↩/);
    expect(description).toMatch(/^Prologue: Title A word with a footnote, and another\. See the door/);
  });
});
