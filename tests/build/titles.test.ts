import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { builtSite, page } from '../support/html';

const long =
  'Chapter 1: The Mask—showing, among other matters, how Meg undertook to read the mirrors, and Erik to teach her, and how they both did it';

describe('a long descriptive chapter title, set as books set it', () => {
  it('stands apart from its label on the chapter page, smaller as it grows, and reads as written', () => {
    const heading = page('edge', 'the-mask/').querySelector('h1')!;
    expect(heading.querySelector('.title-label')?.textContent).toBe('Chapter 1');
    expect(heading.querySelector('.title-name')?.classList.contains('very-long')).toBe(true);
    expect(heading.textContent).toBe(long);
  });

  it('keeps a title without a label, or a short one, as it was', () => {
    const fixture = page('fixture', 'prologue/').querySelector('h1')!;
    expect(fixture.querySelector('.title-label')).toBeNull();
    expect(fixture.querySelector('.title-name')?.className).toMatch(/\bshort\b/);
    expect(page('fixture', 'chapter-1/').querySelector('h1 .title-label')?.textContent).toBe('Chapter 1');
  });

  it('is set the same way in the entire work and the contents, where it keeps the list’s size', () => {
    expect(page('edge', 'read/').querySelector('#the-mask-title .title-label')?.textContent).toBe('Chapter 1');
    const entry = [...page('edge', '').querySelectorAll('.toc a')].find((link) => link.textContent === long);
    expect(entry?.querySelector('.title-label')?.textContent).toBe('Chapter 1');
    expect(entry?.querySelector('.title-name')?.classList.contains('very-long')).toBe(false);
  });

  it('is cut in the previous/next links, with the whole title as their name and tooltip', () => {
    const link = page('edge', 'prologue/').querySelector('a[rel="next"]')!;
    expect(link.querySelector('.title')?.getAttribute('title')).toBe(long);
    expect(link.textContent?.replace(/\s+/g, ' ')).toContain(long);
  });

  it('is set with its label apart in the EPUB, and whole in the feed', () => {
    const epub = unzipSync(
      readFileSync(join(builtSite('edge'), 'the-opera-ghosts-apprentice-or-how-a-ballet-girl-learned-to-read-the-mirrors.epub')),
    );
    const chapter = strFromU8(epub['OEBPS/chapters/the-mask.xhtml']!);
    expect(chapter).toContain(
      '<h1 id="title"><span class="title-label">Chapter 1</span><span class="visually-hidden">: </span><span class="title-name very-long" dir="auto">',
    );
    expect(readFileSync(join(builtSite('edge'), 'rss.xml'), 'utf8')).toContain(` — ${long}</title>`);
  });
});

describe('reading settings on the entire work', () => {
  it('are there to change, as on a chapter', () => {
    expect(page('fixture', 'read/').querySelector('quire-reader-settings summary')?.textContent).toContain('Reading settings');
  });
});
