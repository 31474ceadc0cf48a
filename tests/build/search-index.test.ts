import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { builtSite } from '../support/html';
import { finishSearchIndex, indexPage, passTurn, searchTurn } from '../../src/integrations/pagefind';
import { makeWorkDir } from '../../src/cli/support/work-dir';

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

/** The pages Pagefind indexed, read back from its compressed fragment files. */
function fragments(site: 'fixture' | 'fixtureBase'): Fragment[] {
  const dir = join(builtSite(site), 'pagefind', 'fragment');
  return readdirSync(dir).map((file) => {
    const text = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
  });
}

describe('the search index', () => {
  it('holds exactly the published chapters, with title and reading order', () => {
    const pages = fragments('fixture').sort((a, b) => Number(a.meta.order) - Number(b.meta.order));
    expect(pages.map((page) => [page.url, page.meta.title, page.meta.order])).toEqual([
      ['/prologue/', 'Prologue', '0'],
      ['/chapter-1/', 'Chapter 1: The Mask', '1'],
      ['/chapter-2/', 'Chapter 2: The Long Rehearsal', '2'],
      ['/interlude/', 'Interlude: Letters', '2.5'],
      ['/chapter-3/', 'Chapter 3: The Lake', '3'],
      ['/epilogue/', 'Epilogue', '10'],
    ]);
  });

  it('indexes the chapter text but not notes, navigation or chapter details', () => {
    const prologue = fragments('fixture').find((page) => page.url === '/prologue/')!;
    expect(prologue.content).toContain('The opera house was quiet when the prologue began');
    for (const text of ['marmalade', 'note sits above', 'Skip to the chapter', 'Contents', 'Next', 'min read', 'words']) {
      expect(prologue.content, text).not.toContain(text);
    }
    const chapter2 = fragments('fixture').find((page) => page.url === '/chapter-2/')!;
    expect(chapter2.content).not.toContain('end note comes after');
  });

  it('is built for a site under a base path too', () => {
    expect(fragments('fixtureBase')).toHaveLength(6);
  });

  it('ships the accent map for queries typed without accents', () => {
    const accents = JSON.parse(readFileSync(join(builtSite('fixture'), 'search', 'accents.json'), 'utf8'));
    expect(accents).toEqual({ daae: 'daaé' });
  });
});

describe('pages rendered two at a time', () => {
  /** Writes an index of the fixture's chapter pages, each handed over in `order` (their turns taken in reading order). */
  async function indexWritten(order: number[], outputPath: string): Promise<Map<string, string>> {
    const site = builtSite('fixture');
    const pages = ['prologue', 'chapter-1', 'chapter-2', 'interlude', 'chapter-3'].map((slug) => ({
      path: `${slug}/index.html`,
      html: readFileSync(join(site, slug, 'index.html'), 'utf8'),
    }));
    const turns = pages.map(() => searchTurn());
    const nothing = searchTurn(); // a page the index does not hold, its turn passed last of all
    for (const index of order) indexPage(turns[index]!, pages[index]!.path, pages[index]!.html);
    passTurn(nothing);
    expect(await finishSearchIndex(outputPath, () => Promise.reject(new Error('the pages were handed over')))).toBe(pages.length);
    const files = readdirSync(outputPath, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    return new Map(
      files.map((entry) => [
        join(entry.parentPath, entry.name).slice(outputPath.length),
        readFileSync(join(entry.parentPath, entry.name), 'hex'),
      ]),
    );
  }

  it('give the same index, byte for byte, whichever finishes first', async () => {
    const work = makeWorkDir('turns-');
    try {
      const inTurn = await indexWritten([0, 1, 2, 3, 4], join(work, 'in-turn'));
      const outOfTurn = await indexWritten([1, 0, 3, 4, 2], join(work, 'out-of-turn'));
      expect(inTurn.size).toBeGreaterThan(5);
      expect(outOfTurn).toEqual(inTurn);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
