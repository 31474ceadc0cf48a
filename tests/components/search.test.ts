import { describe, expect, it } from 'vitest';
import SearchForm from '../../src/components/SearchForm.astro';
import SearchPanel from '../../src/components/SearchPanel.astro';
import { render } from './render';

describe('SearchForm', () => {
  it('is a plain GET form to the search page, which works before any script and can be shared', async () => {
    const doc = await render(SearchForm, { id: 'site-search', label: 'Search the story', query: 'the mask' });
    const form = doc.querySelector('form');
    expect([form?.getAttribute('method'), form?.getAttribute('action'), form?.getAttribute('role')]).toEqual(['get', '/search/', 'search']);
    const input = doc.querySelector('input');
    expect([input?.getAttribute('name'), input?.getAttribute('value'), input?.getAttribute('type')]).toEqual(['q', 'the mask', 'search']);
    expect(doc.querySelector(`label[for="site-search"]`)?.textContent).toBe('Search the story');
  });

  it('hides its label in the header, where "/" focuses the field', async () => {
    const header = await render(SearchForm, { id: 'site-search', label: 'Search the story', shortcut: true });
    expect(header.querySelector('label')?.classList.contains('visually-hidden')).toBe(true);
    expect(header.querySelector('input')?.getAttribute('aria-keyshortcuts')).toBe('/');
    const page = await render(SearchForm, { id: 'search-query', label: 'Words or a phrase', labelVisible: true });
    expect(page.querySelector('label')?.classList.contains('visually-hidden')).toBe(false);
    expect(page.querySelector('input')?.hasAttribute('aria-keyshortcuts')).toBe(false);
  });
});

describe('SearchPanel', () => {
  it('announces its results politely, in a labelled list, in the page’s language', async () => {
    const doc = await render(SearchPanel, {}, 'fr');
    const status = doc.querySelector('.status');
    expect([status?.getAttribute('role'), status?.getAttribute('aria-live')]).toEqual(['status', 'polite']);
    expect(doc.querySelector('ol.results')?.getAttribute('aria-label')).toBeTruthy();
    expect(doc.querySelector('label')?.textContent).not.toMatch(/^Words or a phrase$/);
  });

  it('tells a reader without JavaScript where the chapters are, and where its word lists live', async () => {
    const doc = await render(SearchPanel, {});
    const panel = doc.querySelector('quire-search-panel');
    expect([panel?.getAttribute('data-accents'), panel?.getAttribute('data-words')]).toEqual([
      '/search/accents.json',
      '/search/words.json',
    ]);
    const noscript = doc.querySelector('noscript')?.innerHTML ?? '';
    expect(noscript).toMatch(/<a href="\/"[^>]*>/);
    // The choice of order shows only once there are results to order.
    expect(doc.querySelector('fieldset.order')?.hasAttribute('hidden')).toBe(true);
  });
});
