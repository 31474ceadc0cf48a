import { describe, expect, it } from 'vitest';
import ChapterNav from '../../src/components/ChapterNav.astro';
import type { ChapterPosition, MenuEntry } from '../../src/core/navigation';
import { render as renderComponent } from './render';

function render(position: ChapterPosition, props: { inProgress?: boolean; placement?: 'top' | 'bottom'; menu?: MenuEntry[] } = {}) {
  return renderComponent(ChapterNav, {
    position,
    inProgress: props.inProgress ?? true,
    label: 'Chapters',
    placement: props.placement ?? 'bottom',
    menu: props.menu,
  });
}

const link = (slug: string) => ({ href: `/${slug}/`, title: slug });

describe('ChapterNav', () => {
  it('has no previous link on the first chapter', async () => {
    const doc = await render({ prev: undefined, next: link('chapter-1'), number: 1, total: 3, part: undefined });
    expect(doc.querySelector('a[rel="prev"]')).toBeNull();
    expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/chapter-1/');
    expect(doc.querySelector('nav')?.getAttribute('aria-label')).toBe('Chapters');
    // Nothing stands where the previous link would: no empty cell for a screen reader or the layout.
    expect(doc.querySelector('.prev')).toBeNull();
  });

  it('leaves no empty "next" cell above the text of the last chapter', async () => {
    const doc = await render({ prev: link('chapter-1'), next: undefined, number: 3, total: 3, part: undefined }, { placement: 'top' });
    expect(doc.querySelector('.next')).toBeNull();
  });

  it('numbers the menu by reading order, so a window of a long serial reads "48. Chapter 47"', async () => {
    const menu = [47, 48, 49].map((n) => ({
      href: `/c${n}/`,
      title: `Chapter ${n}`,
      slug: `c${n}`,
      revised: undefined,
      aliases: [],
      number: n + 1,
      current: n === 48,
      part: n === 47 ? 'Book Two' : undefined,
    }));
    const doc = await render({ prev: link('a'), next: link('c'), number: 49, total: 100, part: undefined }, { menu });
    expect(doc.querySelector('.menu ol')?.getAttribute('start')).toBe('48');
    // The part of the story named over the chapter it names, within that chapter's entry.
    expect(doc.querySelector('.menu li[data-slug="c47"] .part')?.textContent).toBe('Book Two');
    expect(doc.querySelectorAll('.menu .part')).toHaveLength(1);
  });

  it('names the part a neighbour is in, in its link, where the reader crosses into another part', async () => {
    const doc = await render({
      prev: link('chapter-8'),
      next: { ...link('book-two-chapter-1'), title: 'Chapter 1', part: 'Book Two: The Return' },
      number: 9,
      total: 12,
      part: 'Book One',
    });
    const next = doc.querySelector('a[rel="next"]');
    expect(next?.querySelector('.to-part')?.textContent).toBe('Book Two: The Return');
    expect(next?.textContent?.replace(/\s+/g, ' ')).toMatch(/Book Two: The Return Chapter 1/);
    expect(doc.querySelector('a[rel="prev"] .to-part')).toBeNull();
  });

  it('says the reader is caught up at the end of a story in progress, below the text only', async () => {
    const position = { prev: link('chapter-1'), next: undefined, number: 3, total: 3, part: undefined };
    expect((await render(position)).body.textContent).toContain('You’re caught up');
    expect((await render(position, { placement: 'top' })).body.textContent).not.toContain('caught up');
  });

  it('says "The end." when the story is complete', async () => {
    const doc = await render({ prev: link('chapter-1'), next: undefined, number: 3, total: 3, part: undefined }, { inProgress: false });
    expect(doc.body.textContent).toContain('The end.');
  });

  it('shows where the reader is', async () => {
    const doc = await render({ prev: link('a'), next: link('c'), number: 2, total: 3, part: undefined });
    expect(doc.querySelector('.count')?.textContent).toBe('2 of 3');
  });
});
