import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStory } from '../../src/source/story-source';
import { chapter, hostileStories, pngHeader, readSoundStory, writeHostileStory } from '../support/hostile-stories';

const root = mkdtempSync(join(tmpdir(), 'quire-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The sound story every attack is added to reads without a problem. */
describe('the hostile-story corpus', () => {
  it('starts from a story that reads without a problem', async () => {
    expect((await readSoundStory(join(root, 'sound'), {})).problems).toEqual([]);
  });

  hostileStories.forEach((story, index) => {
    it(`refuses ${story.attack}, naming the file, within seconds`, async () => {
      const content = writeHostileStory(join(root, String(index)), story);
      const started = performance.now();
      const { problems } = await readStory(content, { base: '/', now: new Date() });
      expect(performance.now() - started).toBeLessThan(5000);
      expect(problems.join('\n')).toMatch(story.problem);
      // Nothing of what was refused reaches the story's text.
      expect(problems.join('\n')).not.toMatch(/s3cr3t|at \S+\.ts:\d+/);
    });
  });
});

describe('a list’s item of 360,000 characters, a dash between every two words', () => {
  it('is read in seconds, every word shown (no pattern looks at it once for every dash)', async () => {
    const item = `- A${' x - b'.repeat(60_000)} end`;
    const started = performance.now();
    const { problems, chapters } = await readSoundStory(join(root, 'dashes'), {
      'chapters/chapter-3.md': chapter('title: Three\norder: 3', item),
    });
    expect(performance.now() - started).toBeLessThan(5000);
    expect(problems).toEqual([]);
    const text = chapters.find((source) => source.id === 'chapter-3')!.body.text;
    expect(text.split(/\s+/).filter((word) => word === 'b')).toHaveLength(60_000);
  });
});

describe('a chapter file named by hand (Chapter Two.md)', () => {
  it('is served at an address made from its name, which links by file name, address and Obsidian link all reach', async () => {
    const { problems, chapters } = await readSoundStory(join(root, 'named'), {
      'chapters/Chapter Two - The Lake.md': chapter('title: Two\norder: 2'),
      'chapters/chapter-3.md': chapter(
        'title: Three\norder: 3',
        'Back to [the lake](<Chapter Two - The Lake.md>), [again](Chapter%20Two%20-%20The%20Lake.md#p-1), [[Chapter Two - The Lake|once more]] and [by address](../chapter-two-the-lake/).',
      ),
    });
    expect(problems).toEqual([]);
    const links = [...chapters.find((source) => source.id === 'chapter-3')!.body.html.matchAll(/href="([^"]+)"/g)].map((match) => match[1]);
    expect(links).toEqual(['/chapter-two-the-lake/', '/chapter-two-the-lake/#p-1', '/chapter-two-the-lake/', '/chapter-two-the-lake/']);
  });
});

describe('a chapter file numbered in its name (01-arrival.md, chapter-8.md) or its title', () => {
  it('without an order, is told the order its name or title gives', async () => {
    const { problems } = await readSoundStory(join(root, 'numbered'), {
      'chapters/07-arrival.md': chapter('title: Arrival'),
      'chapters/chapter-8.md': chapter('title: Eight'),
      'chapters/ch09.md': chapter('title: Nine'),
      'chapters/the-lake.md': chapter('title: "فصل 10: مه"'),
      'chapters/the-storm.md': chapter('title: "Chapter 11, Part 2"'),
      'chapters/epilogue.md': chapter('title: After'),
    });
    expect(problems).toEqual([
      expect.stringMatching(/chapters\/07-arrival\.md: order: order is required: .*; the file name says 07: order: 7$/),
      expect.stringMatching(/chapters\/ch09\.md: order: order is required: .*; the file name says 09: order: 9$/),
      expect.stringMatching(/chapters\/chapter-8\.md: order: order is required: .*; the file name says 8: order: 8$/),
      expect.stringMatching(/chapters\/epilogue\.md: order: order is required: 0 for the prologue, 1, 2… \(4\.5 between 4 and 5\)$/),
      expect.stringMatching(/chapters\/the-lake\.md: order: order is required: .*; the title says 10: order: 10$/),
      expect.stringMatching(/chapters\/the-storm\.md: order: order is required: .*; the title says 11, part 2: order: 11\.02$/),
    ]);
  });
});

describe('a picture written as Jekyll and Hugo write it (/images/lake.png)', () => {
  it('is the content folder’s, as images/lake.png and ../images/lake.png are, and never a file outside it', async () => {
    const { problems, chapters } = await readSoundStory(join(root, 'rooted'), {
      'images/lake.png': pngHeader(4, 4),
      'chapters/chapter-2.md': chapter(
        'title: Two\norder: 2',
        '![a](/images/lake.png)\n\n![b](../images/lake.png)\n\n![c](images/lake.png)',
      ),
    });
    expect(problems).toEqual([]);
    const shown = [...chapters.find((source) => source.id === 'chapter-2')!.body.html.matchAll(/data-image="([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(shown).toEqual(['images/lake.png', 'images/lake.png', 'images/lake.png']);

    expect(
      (
        await readSoundStory(join(root, 'rooted-outside'), {
          'chapters/chapter-2.md': chapter('title: Two\norder: 2', '![x](/outside/photo.png)'),
        })
      ).problems,
    ).toEqual([expect.stringMatching(/chapter-2\.md:\d+: the image "\/outside\/photo\.png" is not in the content folder/)]);
  });
});

describe('a chapter pasted with raw HTML the page does not keep (a video, a script, colours)', () => {
  it('builds, the page holding none of it, and the author is told at each line what went and what to write instead', async () => {
    const { problems, warnings, chapters } = await readSoundStory(join(root, 'pasted'), {
      'chapters/chapter-1.md': chapter(
        'title: One\norder: 1',
        'She said <span style="color:red">red</span>.\n\n<p style="text-align:center">The End</p>\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n\n<script>alert(1)</script>\n\n<font face="Comic Sans">Signed.</font>',
      ),
    });
    expect(problems).toEqual([]);
    const html = chapters.find((source) => source.id === 'chapter-1')!.body.html;
    expect(html).not.toMatch(/style=|<iframe|<script|<font/);
    expect(html).toContain('<p class="center" id="p-2">The End</p>');
    // The video is a link to its page, as a reader can follow it.
    expect(html).toContain('<p id="p-3"><a href="https://www.youtube.com/watch?v=x">youtube.com</a></p>');
    const said = warnings.filter((warning) => warning.includes('chapter-1.md:'));
    expect(said).toEqual([
      expect.stringMatching(
        /chapter-1\.md:\d+: a page from www\.youtube\.com is shown as a link to what it plays: .*\(\[Listen to the song\]/,
      ),
      expect.stringMatching(/chapter-1\.md:\d+: the style “color:red” is not kept: .*use class="center"/),
      expect.stringMatching(/chapter-1\.md:\d+: <script> is removed from the page: .*link to the page instead/),
      expect.stringMatching(/chapter-1\.md:\d+: <font> shows only its words, not itself: /),
    ]);
    // Each at the line of the file it is on: the text starts on line 6, below four lines of frontmatter and a blank one.
    expect(said.map((warning) => Number(/\.md:(\d+):/.exec(warning)![1]))).toEqual([10, 6, 12, 14]);
  });
});
