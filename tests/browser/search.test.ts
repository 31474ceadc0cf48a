import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { settled, useBrowserSite } from '../support/browser';
import { generateStory } from '../../src/cli/support/synthetic.ts';

const site = useBrowserSite('fixture');

/** Runs a query on the search page and returns the result titles once they show. */
async function searchFor(page: Page, query: string, base = site.url): Promise<string[]> {
  await page.goto(base(`search/?q=${encodeURIComponent(query)}`));
  await page
    .locator('.status')
    .filter({ hasText: /contain|No chapter/ })
    .waitFor();
  return page.locator('.results > li h2').allTextContents();
}

describe('searching the story', () => {
  it('finds the one chapter that holds a phrase, with the terms marked in the excerpt', async () => {
    const { page, errors } = await site.open();
    expect(await searchFor(page, 'quicksilver harpsichord')).toEqual(['Chapter 2: The Long Rehearsal']);
    expect(await page.locator('.status').textContent()).toBe('1 chapter contains “quicksilver harpsichord”.');
    expect(await page.locator('.results .hits mark').first().textContent()).toBe('quicksilver');
    expect(errors).toEqual([]);
  });

  it('matches a word with an apostrophe, and an accented name typed with or without its accent', async () => {
    const { page } = await site.open();
    expect(await searchFor(page, "Giry's daughter")).toEqual(['Chapter 1: The Mask']);
    expect(await searchFor(page, 'Daaé')).toEqual(['Chapter 1: The Mask']);
    expect(await searchFor(page, 'Daae')).toEqual(['Chapter 1: The Mask']);
  });

  it('marks the word searched for in the excerpts, not the longer words it begins, as the chapter does', async () => {
    const { page } = await site.open();
    // The fixture has "the" everywhere, and "theatre", "there", "then" and "them" too, which Pagefind also finds.
    await searchFor(page, 'the');
    const marked = await page.locator('.results .hits mark').allTextContents();
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked.map((word) => word.toLowerCase()))).toEqual(new Set(['the']));
  });

  it('shows a clear message when nothing matches', async () => {
    const { page } = await site.open();
    expect(await searchFor(page, 'xylophonequark')).toEqual([]);
    expect(await page.locator('.status').textContent()).toMatch(/^No chapter contains “xylophonequark”/);
  });

  it('suggests the closest word the story has when nothing matches, and searches it on request', async () => {
    const { page } = await site.open();
    expect(await searchFor(page, 'harpsichrd')).toEqual([]);
    const suggestion = page.locator('.status a');
    await expect
      .poll(() => page.locator('.status').textContent())
      .toBe('No chapter contains “harpsichrd”. Try fewer or different words. Did you mean harpsichord?');
    await suggestion.click();
    await expect.poll(() => page.locator('.results > li h2').allTextContents()).toEqual(['Chapter 2: The Long Rehearsal']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('harpsichord');
    expect(await page.locator('#search-query').inputValue()).toBe('harpsichord');
  });

  it('leaves author’s notes and navigation out of the index', async () => {
    const { page } = await site.open();
    expect(await searchFor(page, 'marmalade')).toEqual([]);
    expect(await searchFor(page, 'Previous')).toEqual([]);
  });

  it('lists results in reading order on request', async () => {
    const { page } = await site.open();
    await searchFor(page, 'lantern');
    await page.getByLabel('reading order').check();
    await expect
      .poll(() => page.locator('.results > li h2').allTextContents())
      .toEqual(['Prologue', 'Chapter 2: The Long Rehearsal', 'Chapter 3: The Lake']);
  });

  it('searches as the reader types and keeps the query in the URL', async () => {
    const { page } = await site.open();
    await page.goto(site.url('search/'));
    await page.locator('#search-query').fill('underground lake');
    await expect.poll(() => page.locator('.results > li h2').allTextContents()).toEqual(['Chapter 3: The Lake']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('underground lake');
  });

  it('submits the header search field to the search page', async () => {
    const { page } = await site.open();
    await page.goto(site.url('prologue/'));
    await page.locator('header input[name="q"]').fill('white mask');
    await page.locator('header input[name="q"]').press('Enter');
    await page.waitForURL(/\/search\/\?q=white\+mask$/);
    await expect.poll(() => page.locator('.results > li h2').allTextContents()).toEqual(['Chapter 1: The Mask']);
  });
});

describe('matches in more paragraphs than a result shows', () => {
  it('says how many more there are and links to the chapter at the first one not shown', async () => {
    const { page, errors } = await site.open();
    await searchFor(page, 'lantern');
    const result = page.locator('.results > li', { hasText: 'The Long Rehearsal' });
    const shown = result.locator('.hits a:not(.more-hits)');
    expect(await shown.count()).toBe(3);
    const more = result.locator('a.more-hits');
    expect(await more.textContent()).toMatch(/^and \d+ more paragraphs: go to the next$/);
    const fourth = await page.evaluate(() => {
      const links = [...document.querySelectorAll<HTMLAnchorElement>('.results > li')].find((li) =>
        li.textContent?.includes('The Long Rehearsal'),
      )!;
      return [...links.querySelectorAll<HTMLAnchorElement>('.hits a')].map((link) => new URL(link.href).hash);
    });
    expect(new Set(fourth).size).toBe(4);
    await more.click();
    await page.waitForURL(new RegExp(`chapter-2/\\?highlight=lantern${fourth[3]}$`));
    await expect.poll(() => page.locator(`${fourth[3]} mark.current`).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  const edge = useBrowserSite('edge');
  it('never shows interface words, such as the footnotes heading, in an excerpt', async () => {
    const { page } = await edge.open();
    // The edge story's chapters have footnotes, headed "Footnotes" on the page.
    await page.goto(edge.url('prologue/'));
    expect(await page.locator('#chapter-text .footnotes h2').textContent()).toBe('Footnotes');
    await searchFor(page, 'footnote', edge.url);
    // What Pagefind indexed (a string, so the test runner leaves its import() alone).
    const indexed: string[] = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const found = await pagefind.search('footnote');
      return Promise.all(found.results.map(async (result) => (await result.data()).content));
    })()`);
    expect(indexed.length).toBeGreaterThan(0);
    for (const content of indexed) expect(content).not.toMatch(/Footnotes|Back to reference|Skip to the chapter|Welcome back/);
    expect(await page.locator('.results .hits').allTextContents()).not.toContainEqual(expect.stringMatching(/Footnotes/));
  });
});

describe('opening a result', () => {
  it('lands on the paragraph deep in a long chapter, with the matches marked', async () => {
    const { page, errors } = await site.open();
    await searchFor(page, 'quicksilver harpsichord');
    await page.locator('.results .hits a').first().click();
    await page.waitForURL(/chapter-2\/\?highlight=.*#p-57$/);
    await page.locator('#chapter-text mark').first().waitFor();
    // The two words stand together in the chapter: they are marked as the reader typed them.
    expect(await page.locator('#chapter-text mark').allTextContents()).toEqual(['quicksilver harpsichord', 'quicksilver harpsichord']);
    // The page centres the match once it has loaded (a slow machine may take a while to finish loading).
    await page.locator('#p-57 mark.current').first().waitFor();
    await expect.poll(() => isInViewport(page, '#p-57 mark.current')).toBe(true);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(3000);
    expect(await page.getByRole('region', { name: 'Search matches' }).textContent()).toContain('1 of 2');
    expect(errors).toEqual([]);
  });

  it('steps through the matches and clears them', async () => {
    const { page } = await site.open({ viewport: { width: 400, height: 300 } });
    await page.goto(site.url('chapter-2/?highlight=lantern'));
    const bar = page.getByRole('region', { name: 'Search matches' });
    await expect.poll(() => bar.textContent()).toContain('1 of 91');
    await page.locator('mark.current').first().waitFor();
    await expect.poll(() => isInViewport(page, 'mark.current')).toBe(true);
    const before = await page.evaluate(() => scrollY);
    await page.getByRole('button', { name: 'Next match' }).click();
    await page.getByRole('button', { name: 'Next match' }).click();
    await page.getByRole('button', { name: 'Next match' }).click();
    await expect.poll(() => bar.textContent()).toContain('4 of 91');
    // Stepping scrolls smoothly: give a loaded machine time to finish the glide.
    await expect.poll(() => isInViewport(page, 'mark.current'), { timeout: 5000 }).toBe(true);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(before);
    await page.getByRole('button', { name: 'Previous match' }).click();
    await expect.poll(() => bar.textContent()).toContain('3 of 91');
    await page.getByRole('button', { name: 'Clear highlights' }).click();
    expect(await page.locator('#chapter-text mark').count()).toBe(0);
    expect(page.url()).not.toContain('highlight');
  });
});

describe('search under a base path', () => {
  const based = useBrowserSite('fixtureBase', '/quire/');

  it('finds chapters and links them under the base path', async () => {
    const { page, errors } = await based.open();
    expect(await searchFor(page, 'underground lake', based.url)).toEqual(['Chapter 3: The Lake']);
    expect(await page.locator('.results h2 a').getAttribute('href')).toMatch(/^\/quire\/chapter-3\/\?highlight=/);
    await page.locator('.results .hits a').first().click();
    await page.locator('#chapter-text mark').first().waitFor();
    expect(errors).toEqual([]);
  });
});

function isInViewport(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return rect.top >= 0 && rect.bottom <= innerHeight;
  });
}

describe('a word found in many chapters', () => {
  const serial = useBrowserSite('serial');

  it('shows ten chapters, then more on request, with focus on the first new one', async () => {
    const { page, errors } = await serial.open();
    await page.goto(serial.url('search/?q=the'));
    await page
      .locator('.status')
      .filter({ hasText: /contain/ })
      .waitFor();
    expect(await page.locator('.status').textContent()).toBe('25 chapters contain “the”.');
    expect(await page.locator('.results > li').count()).toBe(10);
    await page.getByRole('button', { name: 'Show more chapters' }).click();
    await expect.poll(() => page.locator('.results > li').count()).toBe(20);
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.matches('.results > li:nth-child(11)'))).toBe(true);
    await page.getByRole('button', { name: 'Show more chapters' }).click();
    await expect.poll(() => page.locator('.results > li').count()).toBe(25);
    expect(await page.getByRole('button', { name: 'Show more chapters' }).isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });
});

describe('a phrase', () => {
  const serial = useBrowserSite('serial');
  // The generated serial the site was built from (tests/support/sites.ts): a three-word phrase
  // starting with "the" that two or three chapters hold, while every chapter has "the" often.
  const { chapters } = generateStory(25, 3, 60);
  const texts = chapters.map((chapter) => ({
    slug: chapter.slug,
    title: chapter.markdown.match(/^title: "(.*)"$/m)![1]!,
    // What the index holds (the title and author's note too), and the text the chapter marks.
    all: chapter.markdown,
    text: chapter.markdown.split('---').slice(2).join('---'),
  }));
  const phraseIn = (text: string, phrase: string) => text.match(new RegExp(`\\b${phrase.split(' ').join('[^\\p{L}]+')}\\b`, 'giu')) ?? [];
  const phrase = [...new Set(texts.flatMap(({ text }) => text.toLowerCase().match(/\bthe [a-z]+ [a-z]+\b/g) ?? []))].find((candidate) => {
    const holding = texts.filter(({ all }) => phraseIn(all, candidate).length > 0).length;
    return holding >= 2 && holding <= 3;
  })!;
  const holding = texts.filter(({ all }) => phraseIn(all, phrase).length > 0);
  const opened = holding.find(({ text }) => phraseIn(text, phrase).length > 0)!;

  it('lists only the chapters holding it, and the chapter it opens marks the phrase, not every “the”', async () => {
    const { page, errors } = await serial.open();
    await page.goto(serial.url(`search/?q=${encodeURIComponent(`"${phrase}"`)}`));
    await settled(page);
    expect((await page.locator('.results > li h2').allTextContents()).sort()).toEqual(holding.map(({ title }) => title).sort());

    await page.locator('.results > li', { hasText: opened.title }).locator('a').first().click();
    await page.waitForSelector('.search-hits');
    const occurrences = phraseIn(opened.text, phrase).length;
    await expect.poll(() => page.locator('.search-hits-count').textContent()).toBe(`1 of ${occurrences}`);
    const marked = await page.$$eval('#chapter-text mark', (marks) => marks.map((mark) => mark.textContent!.toLowerCase()));
    expect(marked.join(' ').replace(/\s+/g, ' ')).toBe(Array(occurrences).fill(phrase).join(' '));
    expect(errors).toEqual([]);
  });

  it('marks words typed without quotes where they stand together, as typed', async () => {
    const { page } = await serial.open();
    const words = phrase.split(' ').slice(1).join(' ');
    await page.goto(serial.url(`${opened.slug}/?highlight=${encodeURIComponent(words)}`));
    await page.waitForSelector('.search-hits');
    const marked = await page.$$eval('#chapter-text mark', (marks) => marks.map((mark) => mark.textContent!.toLowerCase()));
    expect(new Set(marked)).toEqual(new Set([words]));
  });
});

describe('results in a story in parts', () => {
  const archive = useBrowserSite('archive');
  it('name the part of the story each chapter is in over its title, and nothing over one before the first part', async () => {
    const { page, errors } = await archive.open();
    await searchFor(page, 'shore', archive.url);
    const results = page.locator('.results > li');
    await expect.poll(() => results.count()).toBe(2);
    for (const result of await results.all()) {
      expect(await result.locator('.part').textContent()).toBe('Book One: Across the Water');
      expect(await result.locator('.part + h2').count()).toBe(1);
    }
    await searchFor(page, 'lantern', archive.url);
    expect(await page.locator('.results > li h2').allTextContents()).toEqual(['Prologue']);
    expect(await page.locator('.results .part').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
