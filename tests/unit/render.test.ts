import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { problems } from '../../src/core/problems';
import { createRenderer } from '../../src/markdown/render';
import { validateStory } from '../../src/core/story';
import { chapterSource, storySource } from '../support/story-sources';
import { stringsFor } from '../../src/shared/i18n';

const chapters = new Map([
  ['prologue', 'prologue'],
  ['chapter-1', 'the-mask'],
  ['the-mask', 'the-mask'],
]);
const renderer = createRenderer({
  base: '/quire/',
  chapters,
  t: stringsFor('en'),
  image: (src) => (src === 'images/lake.jpg' || src === '../images/lake.jpg' ? { path: 'images/lake.jpg' } : { problem: `no ${src}` }),
  remoteImages: false,
});
const chapter = (markdown: string) => renderer.chapter(markdown);
const dom = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;

describe('raw HTML that would swallow the text after it', () => {
  for (const tag of ['style', 'script', 'object', 'select', 'template', 'noscript', 'iframe', 'textarea', 'svg']) {
    it(`is reported, with its line, when <${tag}> is never closed`, async () => {
      const { problems } = await chapter(`She opened the door.\n\n<${tag}>\n\nThe rest of the chapter.`);
      expect(problems).toEqual([{ line: 3, message: expect.stringMatching(new RegExp(`^<${tag}> is opened but never closed`)) }]);
    });
  }

  it('is reported when an HTML comment is never closed', async () => {
    const { problems } = await chapter('One.\n\n<!-- a note to self\n\nTwo.');
    expect(problems).toEqual([{ line: 3, message: expect.stringMatching(/comment \(<!--\) is never closed/) }]);
  });

  it('is removed with its content when closed, and every word around it stays', async () => {
    const { html, text, problems } = await chapter('Before.\n\n<style>p { display: none }</style>\n\n<script>alert(1)</script> After.');
    expect(problems).toEqual([]);
    expect(html).not.toMatch(/<style|<script|display|alert/);
    expect(text).toBe('Before.\n\nAfter.');
  });
});

describe('words in angle brackets that are not HTML', () => {
  it('stay as the author wrote them', async () => {
    const { html, text } = await chapter('He rolled his eyes. <sigh> Fine.\n\n<not a tag> and <b>bold</b>.');
    expect(text).toBe('He rolled his eyes. <sigh> Fine.\n\n<not a tag> and bold.');
    expect(dom(html).querySelector('b')?.textContent).toBe('bold');
  });
});

describe('emphasis marks by the ten thousand in one paragraph', () => {
  it('are refused at the paragraph’s first line; written as escaped text, they are text', async () => {
    const many = await chapter(`One.\n\n${'_a_ '.repeat(6000)}`);
    expect(many.problems).toEqual([{ line: 3, message: expect.stringMatching(/^more than 10,000 emphasis marks/) }]);
    const escaped = await chapter(`One.\n\n${'\\*a\\* '.repeat(6000)}\n\nTwo *words*.`);
    expect(escaped.problems).toEqual([]);
    expect(dom(escaped.html).querySelectorAll('p')[1]?.textContent?.startsWith('*a* *a*')).toBe(true);
  });
});

describe('footnotes', () => {
  it('link both ways with matching ids, and keep the note words apart from the text', async () => {
    const { html, text, footnotes } = await chapter('A word[^1] here, and another[^two].\n\n[^1]: The note.\n[^two]: The second.');
    const doc = dom(html);
    const refs = [...doc.querySelectorAll('a[data-footnote-ref]')];
    expect(refs.map((a) => a.getAttribute('href'))).toEqual(['#fn-1', '#fn-two']);
    for (const ref of refs) expect(doc.getElementById(ref.getAttribute('href')!.slice(1))).not.toBeNull();
    for (const back of doc.querySelectorAll('a[data-footnote-backref]')) {
      expect(doc.getElementById(back.getAttribute('href')!.slice(1))?.hasAttribute('data-footnote-ref')).toBe(true);
    }
    expect(doc.getElementById(refs[0]!.getAttribute('aria-describedby')!)?.textContent).toBe('Footnotes');
    expect(text).toBe('A word here, and another.');
    expect(footnotes).toBe('The note.\nThe second.');
  });

  it('keep the "Footnotes" heading and back links out of search', async () => {
    const doc = dom((await chapter('A[^1].\n\n[^1]: B.')).html);
    expect(doc.querySelector('.footnotes h2')?.hasAttribute('data-pagefind-ignore')).toBe(true);
    expect(doc.querySelector('[data-footnote-backref]')?.hasAttribute('data-pagefind-ignore')).toBe(true);
  });

  it('in a note get ids of the note’s own, so they never clash with the chapter’s', async () => {
    const doc = dom((await renderer.note('A[^1].\n\n[^1]: B.', 'an--')).html);
    expect(doc.querySelector('a[data-footnote-ref]')?.getAttribute('href')).toBe('#an--fn-1');
    expect(doc.getElementById('an--fn-1')).not.toBeNull();
  });
});

describe('ids in the text', () => {
  it('never take the page’s own ids or a paragraph’s, and stay unique', async () => {
    const { html } = await chapter('## Main\n\nFirst paragraph.\n\n## P 1\n\n## Chapter text\n\n## Main');
    const ids = [...dom(html).querySelectorAll('[id]')].map((el) => el.id);
    expect(ids).toEqual(['main-2', 'p-1', 'p-1-2', 'chapter-text-2', 'main-1']);
  });

  it('keep an id the author gave, with the links to it', async () => {
    const doc = dom((await chapter('See [the door](#door).\n\n<div id="door">The door.</div>\n\n<p id="intro">A paragraph.</p>')).html);
    expect(doc.querySelector('a[href="#door"]')).not.toBeNull();
    expect(doc.getElementById('door')?.textContent).toBe('The door.');
    expect(doc.querySelector('#p-2 > a#intro')).not.toBeNull();
  });

  it('a link within the chapter to an id nobody has is reported with its line (a dead link on the page, an error in the EPUB)', async () => {
    const { problems } = await chapter(
      'A hand-made note<sup><a href="#fn1">[1]</a></sup>, [the door](#door) and [the top](#main).\n\n<div id="door">The door.</div>\n\n<p><a name="fn1"></a>1. The note.</p>\n\nAnother note<sup><a href="#fn2">[2]</a></sup>, kept in the end notes.',
    );
    expect(problems.map((problem) => [problem.line, problem.message.slice(0, 48)])).toEqual([
      [7, 'the link "#fn2" leads to nothing in this chapter'],
    ]);
    const footnotes = await chapter('A real note.[^1]\n\n[^1]: The note.');
    expect(footnotes.problems).toEqual([]);
  });
});

describe('links between chapters', () => {
  it('follow the chapter’s slug, under the base path, whichever name the author used', async () => {
    const doc = dom(
      (await chapter('[one](chapter-1.md) [two](../the-mask/#p-2) [three][ref] <a href="prologue.md">four</a>\n\n[ref]: chapter-1.md'))
        .html,
    );
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      '/quire/the-mask/',
      '/quire/the-mask/#p-2',
      '/quire/the-mask/',
      '/quire/prologue/',
    ]);
  });

  it('to a chapter that does not exist are reported with their line, in every form', async () => {
    const { problems } = await chapter('[x](chapter-8.md)\n\n[y][ref]\n\n<a href="chapter-9.md">z</a>\n\n[ref]: nowhere.md');
    expect(problems.map((problem) => [problem.line, problem.message.slice(0, 30)])).toEqual([
      [1, 'the link to "chapter-8.md" poi'],
      [3, 'the link to "nowhere.md" point'],
      [5, 'the link to "chapter-9.md" poi'],
    ]);
  });

  it('are not seen in escaped brackets, images or other files', async () => {
    const { problems, text } = await chapter('An escaped \\[link\\](nowhere), a ![lake](images/lake.jpg) and [a file](notes.pdf).');
    expect(problems).toEqual([]);
    expect(text).toBe('An escaped [link](nowhere), a and a file.');
  });
});

describe('the text as readers see it', () => {
  it('has curly quotes, no markup, footnote markers or scene breaks, and counts paragraphs', async () => {
    const { text, paragraphs } = await chapter('"Hello," she said[^1].\n\n* * *\n\n> A quote.\n\n- a list\n\n[^1]: Note.');
    expect(text).toBe('“Hello,” she said.\n\nA quote.\n\na list');
    expect(paragraphs).toBe(2);
  });

  it('shows an address typed in the text as typed, dashes and quotes and all, while the text around it is set', async () => {
    const { html } = await chapter(
      'See https://example.org/a--b or www.example.org/"x"... or meg--giry@example.org, or <https://example.org/c--d>. "Then," [she--said](https://example.org/e).',
    );
    const shown = [...dom(html).querySelectorAll('a')].map((a) => a.textContent);
    expect(shown).toEqual([
      'https://example.org/a--b',
      'www.example.org/"x',
      'meg--giry@example.org',
      'https://example.org/c--d',
      'she—said',
    ]);
    expect(dom(html).querySelector('p')?.textContent).toContain('. “Then,” ');
  });
});

describe('HTML from old pages', () => {
  it('keeps <center> centred, as align="center" is', async () => {
    const { html, problems } = await chapter('<center>The End</center>\n\n<div align="center">Fin</div>');
    expect(problems).toEqual([]);
    expect(html).toBe('<div class="center">The End</div>\n<div class="center">Fin</div>');
  });
});

describe('the blocks stylesheet', () => {
  it.each([
    ['verse', ':::verse\nA line\n:::', true],
    ['a picture', '![A lake](images/lake.jpg)', true],
    [
      'a picture with its caption',
      '<figure>\n<img src="images/lake.jpg" alt="A lake">\n<figcaption>The lake.</figcaption>\n</figure>',
      true,
    ],
    ['a table', '| Day | Weather |\n| --- | --- |\n| Mon | Rain |', true],
    ['a footnote', 'Text.[^1]\n\n[^1]: A note.', true],
    ['plain paragraphs', 'One.\n\n*Two.*', false],
  ])('is asked for, or not, by a chapter holding %s', async (_what, markdown, needed) => {
    expect((await chapter(markdown)).blocks).toBe(needed);
  });
});

describe('the author’s headings', () => {
  it('sit under the chapter’s title: the highest level used is <h2>, each below it the next, none skipped', async () => {
    const levels = async (markdown: string) =>
      [...dom((await chapter(markdown)).html).querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName} ${h.textContent}`);
    expect(await levels('### Meg\n\nText.\n\n##### Later\n\nMore.\n\n### Christine\n\nText.')).toEqual([
      'h2 Meg',
      'h3 Later',
      'h2 Christine',
    ]);
    expect(await levels('# A second title?\n\nText.\n\n## Under it\n\nMore.')).toEqual(['h2 A second title?', 'h3 Under it']);
    // The footnotes' heading is the site's own.
    expect(await levels('#### Aside\n\nText.[^1]\n\n[^1]: A note.')).toEqual(['h2 Aside', 'h2 Footnotes']);
  });

  it('in a note or summary sit under its own heading ("Author’s note", an <h2>): from <h3>', async () => {
    const note = await renderer.note('# Thanks\n\nTo my beta.\n\n### And\n\nYou.', 'an--');
    expect([...dom(note.html).querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName} ${h.textContent}`)).toEqual([
      'h3 Thanks',
      'h4 And',
    ]);
  });
});

describe('a second block of frontmatter opening the text', () => {
  it('is one warning at its first line, not also a sentence that --- made a heading', async () => {
    const rendered = await chapter('---\ntitle: The Lake\nsummary: Meg goes down to the lake.\n---\n\nThe text.');
    expect(rendered.notices).toEqual([{ line: 1, message: problems.SecondFrontmatter.message('title: The Lake') }]);
    expect(rendered.dashHeading).toBeUndefined();
    // A rule over a heading the author meant is no frontmatter.
    expect((await chapter('---\n\nThe Lake\n---\n\nText.')).notices).toEqual([]);
  });
});

describe('tables', () => {
  it('scroll sideways in a box of their own, which a keyboard can reach, named after the caption or as a table in the story’s language', async () => {
    const doc = dom(
      (
        await chapter(
          '| Name | Age | Home |\n| --- | --- | --- |\n| Meg | 17 | Paris |\n\n<table><caption>The cast</caption><tr><td>Meg</td><td><table><tr><td>17</td></tr></table></td></tr></table>',
        )
      ).html,
    );
    const boxes = [...doc.querySelectorAll('.table-scroll')];
    expect(boxes.map((box) => [box.getAttribute('role'), box.getAttribute('tabindex'), box.getAttribute('aria-label')])).toEqual([
      ['group', '0', 'Table'],
      ['group', '0', 'The cast'],
    ]);
    // Each box holds its table alone, and a table inside a cell scrolls with the one around it.
    expect(boxes.map((box) => [...box.children].map((child) => child.localName))).toEqual([['table'], ['table']]);
    expect(doc.querySelectorAll('table')).toHaveLength(3);
    expect(doc.querySelector('td')?.textContent).toBe('Meg');
  });

  it('are named in the story’s language', async () => {
    const french = createRenderer({ base: '/', chapters, t: stringsFor('fr'), image: () => ({ problem: 'none' }), remoteImages: false });
    const doc = dom((await french.chapter('| Nom |\n| --- |\n| Meg |')).html);
    expect(doc.querySelector('.table-scroll')?.getAttribute('aria-label')).toBe('Tableau');
  });
});

describe('blocks', () => {
  it('keep every line of verse', async () => {
    const doc = dom((await chapter(':::verse\nThe ghost is gone,\nthe mask remains\n\nA second stanza\n:::')).html);
    const verse = doc.querySelector('div.verse')!;
    expect([...verse.querySelectorAll('p')].map((p) => p.innerHTML)).toEqual(['The ghost is gone,<br>the mask remains', 'A second stanza']);
  });

  it('set out a chat, one message a line, the sender apart and replies on the other side', async () => {
    const doc = dom((await chapter(':::messages\nMeg: Are you there?\n**Christine:** Yes.\nMeg: Good.\n:::')).html);
    const messages = [...doc.querySelectorAll('.messages p.message')];
    expect(messages.map((p) => [p.querySelector('.sender')?.textContent, p.textContent?.trim(), p.classList.contains('reply')])).toEqual([
      ['Meg', 'Meg Are you there?', false],
      ['Christine', 'Christine Yes.', true],
      ['Meg', 'Meg Good.', false],
    ]);
  });

  it('are reported when the name is not one Quire knows', async () => {
    expect((await chapter('Text.\n\n:::poem\nA line\n:::')).problems).toEqual([
      { line: 3, message: expect.stringMatching(/^:::poem is not a block Quire knows/) },
    ]);
  });

  it('leave colons in the text as written', async () => {
    expect((await chapter('Re:Zero at 10:30, a:b[c]{d} and :smile:\n\n::not-a-block')).text).toBe(
      'Re:Zero at 10:30, a:b[c]{d} and :smile:\n\n::not-a-block',
    );
  });
});

describe('images', () => {
  it('in the content folder are marked for the build to size, and load lazily', async () => {
    const img = dom(
      (await chapter('![Meg at the lake](images/lake.jpg) and from the chapter: ![x](../images/lake.jpg)')).html,
    ).querySelectorAll('img');
    expect(
      [...img].map((el) => [el.getAttribute('data-image'), el.getAttribute('src'), el.getAttribute('loading'), el.getAttribute('alt')]),
    ).toEqual([
      ['images/lake.jpg', 'images/lake.jpg', 'lazy', 'Meg at the lake'],
      ['images/lake.jpg', 'images/lake.jpg', 'lazy', 'x'],
    ]);
  });

  it('are counted, so a chapter of pictures alone is not called empty', async () => {
    const rendered = await chapter('![Meg at the lake](images/lake.jpg)\n\n![The lake again](../images/lake.jpg)');
    expect([rendered.text, rendered.pictures]).toEqual(['', 2]);
    expect((await chapter('Text without one, though it shows `<img src="x">` as code.')).pictures).toBe(0);
    const source = { ...chapterSource('pictures', { order: 1 }), body: rendered };
    expect(validateStory([storySource()], [source])).toEqual([]);
    expect(validateStory([storySource()], [{ ...source, body: { ...source.body, pictures: 0 } }])).toEqual([
      expect.stringMatching(/pictures\.md: the chapter has no text/),
    ]);
  });

  it('that are missing are reported with their line', async () => {
    expect((await chapter('Text.\n\n![Gone](images/gone.png)')).problems).toEqual([{ line: 3, message: 'no images/gone.png' }]);
  });
});

describe('dialogue dashes', () => {
  it('stay with their word, so no line starts with a closing dash', async () => {
    const doc = dom((await chapter('—Hola —dijo él—. Por eso vine.')).html);
    expect([...doc.querySelectorAll('.nowrap')].map((span) => span.textContent)).toEqual(['—Hola', '—dijo', 'él—.']);
    expect(doc.querySelector('p')?.textContent).toBe('—Hola —dijo él—. Por eso vine.');
  });
});
