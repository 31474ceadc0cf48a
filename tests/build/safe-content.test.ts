import { describe, expect, it } from 'vitest';
import { page } from '../support/html';

/** Every element a reader's text produced on a page: summary, notes and chapter text. */
function authored(path: string): Element[] {
  const doc = page('hostile', path);
  return [...doc.querySelectorAll('.prose')].flatMap((prose) => [prose, ...prose.querySelectorAll('*')]);
}

describe('raw HTML in chapters, notes and the summary', () => {
  const elements = () => [...authored('chapter-1/'), ...authored('')];

  it('cannot run script: no script, frames, objects, forms or SVG survive', () => {
    const tags = new Set(elements().map((el) => el.tagName.toLowerCase()));
    for (const tag of ['script', 'iframe', 'object', 'embed', 'style', 'svg', 'form', 'input', 'textarea'])
      expect(tags.has(tag), tag).toBe(false);
  });

  it('keeps no event handlers, style attributes or javascript: URLs', () => {
    for (const el of elements()) {
      for (const attribute of el.getAttributeNames()) {
        expect(attribute, el.outerHTML).not.toMatch(/^on/i);
        expect(attribute, el.outerHTML).not.toBe('style');
        expect(el.getAttribute(attribute) ?? '', el.outerHTML).not.toMatch(/^\s*javascript:/i);
      }
    }
  });

  it('drops the text of removed scripts and styles instead of showing it', () => {
    const text = page('hostile', 'chapter-1/').querySelector('main')?.textContent ?? '';
    expect(text).not.toContain('pwned');
    expect(text).not.toContain('display: none');
    expect(page('hostile', '').querySelector('main')?.textContent).not.toContain('pwned');
  });

  it('keeps the formatting fiction uses, and every word around it', () => {
    const doc = page('hostile', 'chapter-1/');
    expect(doc.querySelector('#chapter-text span.small-caps')?.textContent).toBe('small caps');
    expect(doc.querySelector('#chapter-text p.center')?.textContent).toBe('A centred line.');
    expect(doc.querySelector('#chapter-text p.right')?.textContent).toBe('A right-aligned line.');
    expect(doc.querySelector('#chapter-text img')?.getAttribute('alt')).toBe('A map of the opera house');
    expect(doc.querySelector('#chapter-text em')?.textContent).toBe('emphasis');
    expect(doc.querySelector('#chapter-text')?.textContent).toContain('The last words survive.');
    expect(doc.querySelector('#chapter-text')?.textContent).toContain('A javascript link');
  });

  it('mistyped (an <i> never closed, an item with no list, a part with no summary) keeps every word, shown as a browser shows it, on a valid page', () => {
    const text = page('hostile', 'chapter-1/').querySelector('#chapter-text')!;
    // The italics run on into the paragraphs after it, each paragraph in italics of its own.
    const italic = [...text.querySelectorAll('p > i')].map((element) => element.textContent?.trim());
    expect(italic).toContain('why me? and went on.');
    expect(italic).toContain('The next paragraph, in italics as a browser would show it.');
    expect(italic).toContain('The last words survive.');
    expect(text.querySelectorAll('i p, em p, b p')).toHaveLength(0);
    expect(text.querySelector('li')).toBeNull();
    expect(text.textContent).toContain('An item with no list and');
    const part = text.querySelector('details')!;
    expect(part.firstElementChild?.tagName).toBe('SUMMARY');
    expect(part.textContent).toContain('a part to open with no summary');
    expect(text.textContent).toContain('Words typed under a line of HTML, with spaces left at its end.');
  });

  it('leaves no empty paragraphs where elements were removed', () => {
    const empty = [...page('hostile', 'chapter-1/').querySelectorAll('#chapter-text p')].filter((p) => !p.textContent?.trim());
    expect(empty).toEqual([]);
  });
});
