import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import ChapterNav from '../../src/components/ChapterNav.astro';
import type { ChapterPosition } from '../../src/core/navigation';
import { stringsFor } from '../../src/shared/i18n';

async function render(position: ChapterPosition, props: { inProgress?: boolean; placement?: 'top' | 'bottom' } = {}) {
  const container = await AstroContainer.create();
  const html = await container.renderToString(ChapterNav, {
    props: { position, inProgress: props.inProgress ?? true, label: 'Chapters', placement: props.placement ?? 'bottom' },
    locals: { t: stringsFor('en') },
  });
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

const link = (slug: string) => ({ href: `/${slug}/`, title: slug });

describe('ChapterNav', () => {
  it('has no previous link on the first chapter', async () => {
    const doc = await render({ prev: undefined, next: link('chapter-1'), number: 1, total: 3 });
    expect(doc.querySelector('a[rel="prev"]')).toBeNull();
    expect(doc.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/chapter-1/');
    expect(doc.querySelector('nav')?.getAttribute('aria-label')).toBe('Chapters');
  });

  it('says the reader is caught up at the end of a story in progress, below the text only', async () => {
    const position = { prev: link('chapter-1'), next: undefined, number: 3, total: 3 };
    expect((await render(position)).body.textContent).toContain('You’re caught up');
    expect((await render(position, { placement: 'top' })).body.textContent).not.toContain('caught up');
  });

  it('says "The end." when the story is complete', async () => {
    const doc = await render({ prev: link('chapter-1'), next: undefined, number: 3, total: 3 }, { inProgress: false });
    expect(doc.body.textContent).toContain('The end.');
  });

  it('shows where the reader is', async () => {
    const doc = await render({ prev: link('a'), next: link('c'), number: 2, total: 3 });
    expect(doc.querySelector('.count')?.textContent).toBe('2 of 3');
  });
});
