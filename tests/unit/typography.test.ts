import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { frenchSpaced, quoteStyle, quoteStyles, smarten } from '../../src/core/typography';
import { rehypeTypography } from '../../src/markdown/rehype-typography';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { storySchema } from '../../src/core/schema';
import { titleParts } from '../../src/core/chapter-labels';

describe('smarten', () => {
  it.each([
    ['"Hello," she said.', '“Hello,” she said.'],
    ["It's Giry's daughter; the dancers' hall.", 'It’s Giry’s daughter; the dancers’ hall.'],
    ["'What a nervous creature,' he thought.", '‘What a nervous creature,’ he thought.'],
    ['"I...I..."', '“I…I…”'],
    ['You must be awfu-" She stopped.', 'You must be awfu-” She stopped.'],
    ['He paused -- then spoke --- softly.', 'He paused — then spoke — softly.'],
    ["Back in the '90s.", 'Back in the ’90s.'],
    ['"Nested \'quotes\' here."', '“Nested ‘quotes’ here.”'],
    ['(“already curly”)', '(“already curly”)'],
    // Feet and inches are primes; "'n'" is two letters left out.
    ['He was 5\'10" and she 5\' 4.5".', 'He was 5′10″ and she 5′ 4.5″.'],
    ['"The year was 1990," and rock \'n\' roll.', '“The year was 1990,” and rock ’n’ roll.'],
  ])('%s', (input, output) => {
    expect(smarten(input)).toBe(output);
  });

  it('changes punctuation only, never a letter', () => {
    const text = `"Such pain-such sadness-!" 'Tis -the man. G..goodbye, monsieur... "YOU! WHO ARE YOU?!"`;
    expect(smarten(text).replace(/[^\p{L}\p{N}]/gu, '')).toBe(text.replace(/[^\p{L}\p{N}]/gu, ''));
  });
});

describe('rehypeTypography in the Markdown pipeline', () => {
  const render = async (markdown: string) =>
    String(await unified().use(remarkParse).use(remarkRehype).use(rehypeTypography).use(rehypeStringify).process(markdown));

  it('decides quotes across emphasis and links', async () => {
    expect(await render('"*Go*," he said, "[now](https://x.y)."')).toBe('<p>“<em>Go</em>,” he said, “<a href="https://x.y">now</a>.”</p>');
  });

  it('opens a quote at the start of each paragraph', async () => {
    expect(await render('He said.\n\n"Yes."')).toBe('<p>He said.</p>\n<p>“Yes.”</p>');
  });

  it('leaves code alone', async () => {
    expect(await render('Type `"--"` here.')).toBe('<p>Type <code>"--"</code> here.</p>');
  });
});

describe('quotation marks as each language writes them', () => {
  const said = `"Where is 'the lamp'?" she asked. It's late.`;
  it.each([
    ['en', '“Where is ‘the lamp’?” she asked. It’s late.'],
    ['de', '„Where is ‚the lamp‘?“ she asked. It’s late.'],
    ['de-AT', '„Where is ‚the lamp‘?“ she asked. It’s late.'],
    ['fr', '«\u00a0Where is “the lamp”\u202f?\u00a0» she asked. It’s late.'],
    ['es', '«Where is “the lamp”?» she asked. It’s late.'],
    ['it', '«Where is “the lamp”?» she asked. It’s late.'],
    ['pt-BR', '“Where is ‘the lamp’?” she asked. It’s late.'],
    ['pl', '„Where is «the lamp»?” she asked. It’s late.'],
    ['ru', '«Where is „the lamp“?» she asked. It’s late.'],
    ['uk', '«Where is „the lamp“?» she asked. It’s late.'],
    ['ja', '「Where is 『the lamp』?」 she asked. It’s late.'],
    ['zh-TW', '「Where is 『the lamp』?」 she asked. It’s late.'],
    ['zh-CN', '“Where is ‘the lamp’?” she asked. It’s late.'],
    ['he', '„Where is ‚the lamp’?” she asked. It’s late.'],
    ['ar', '«Where is “the lamp”?» she asked. It’s late.'],
    ['pt-PT', '«Where is “the lamp”?» she asked. It’s late.'],
    ['cs', '„Where is ‚the lamp‘?“ she asked. It’s late.'],
    ['el', '«Where is “the lamp”?» she asked. It’s late.'],
    ['fa', '«Where is ‹the lamp›?» she asked. It’s late.'],
    ['sv', '”Where is ’the lamp’?” she asked. It’s late.'],
    ['nb', '«Where is ‘the lamp’?» she asked. It’s late.'],
    ['hu', '„Where is »the lamp«?” she asked. It’s late.'],
    ['ro', '„Where is «the lamp»?” she asked. It’s late.'],
    ['bg', '„Where is „the lamp“?“ she asked. It’s late.'],
    ['da', '“Where is ‘the lamp’?” she asked. It’s late.'],
    ['xx', '“Where is ‘the lamp’?” she asked. It’s late.'],
  ])('%s', (language, output) => {
    expect(smarten(said, ' ', quoteStyle(language))).toBe(output);
  });

  it('follows the author’s choice over the language, or keeps quotes straight', () => {
    expect(smarten(said, ' ', quoteStyle('en', 'de'))).toBe('„Where is ‚the lamp‘?“ she asked. It’s late.');
    expect(smarten(`"It's--late..."`, ' ', quoteStyle('fr', 'straight'))).toBe(`"It's—late…"`);
  });

  it('spaces French punctuation with no-break spaces, typed or not, and leaves addresses and times alone', () => {
    const fr = quoteStyle('fr');
    expect(smarten('Quoi ? Il dit : « Non ! » Puis; rien.', ' ', fr)).toBe(
      'Quoi\u202f? Il dit\u00a0: «\u00a0Non\u202f!\u00a0» Puis\u202f; rien.',
    );
    expect(smarten('Quoi?! Voir https://example.org à 10:30.', ' ', fr)).toBe('Quoi\u202f?! Voir https://example.org à 10:30.');
    // Across inline markup: the character before the text decides.
    expect(smarten('?', 'i', fr)).toBe('\u202f?');
    expect(frenchSpaced('«Oui»', ' ')).toBe('«\u00a0Oui\u00a0»');
  });

  it('changes punctuation and spacing only, never a letter, in every style', () => {
    const text = `"Such pain-such sadness-!" 'Tis -the man. G..goodbye, monsieur... "YOU! WHO ARE YOU?!" : ;`;
    for (const name of Object.keys(quoteStyles) as (keyof typeof quoteStyles)[]) {
      expect(smarten(text, ' ', quoteStyle('en', name)).replace(/[^\p{L}\p{N}]/gu, ''), name).toBe(text.replace(/[^\p{L}\p{N}]/gu, ''));
    }
  });
});

describe('the story’s quotation marks in the pipeline', () => {
  it('sets quotes across emphasis in the story’s language, and French spacing after a closing tag', async () => {
    const render = async (markdown: string, language: string) =>
      String(
        await unified()
          .use(remarkParse)
          .use(remarkRehype)
          .use(rehypeTypography, quoteStyle(language))
          .use(rehypeStringify)
          .process(markdown),
      );
    expect(await render('"*Geh*," sagte er.', 'de')).toBe('<p>„<em>Geh</em>,“ sagte er.</p>');
    expect(await render('"*Pars*!" dit-il.', 'fr')).toBe('<p>«\u00a0<em>Pars</em>\u202f!\u00a0» dit-il.</p>');
  });

  it('quotes a passage marked as another language as that language does, unless the story keeps quotes straight', async () => {
    const set = (style: ReturnType<typeof quoteStyle>) => {
      const root = {
        type: 'root' as const,
        children: [h('p', ['"Hi," ', h('span', { lang: 'de' }, ['"Hallo," ', h('em', ['"ja"'])]), ' "bye."'])],
      };
      rehypeTypography(style)(root);
      return toHtml(root);
    };
    expect(set(quoteStyle('en'))).toBe('<p>“Hi,” <span lang="de">„Hallo,“ <em>„ja“</em></span> “bye.”</p>');
    expect(set(quoteStyle('en', 'straight'))).toBe('<p>"Hi," <span lang="de">"Hallo," <em>"ja"</em></span> "bye."</p>');
  });

  it('takes another style from story.md, and names the choices when it is not one', () => {
    expect(storySchema.safeParse({ title: 'T', author: 'A', quotes: 'de' }).success).toBe(true);
    const wrong = storySchema.safeParse({ title: 'T', author: 'A', quotes: 'german' });
    expect(wrong.error?.issues[0]?.message).toMatch(/^quotes must be one of en, de, fr, .*straight/);
  });
});

describe('a chapter title split into its label and name', () => {
  it.each([
    ['Chapter 5: The Lake', 'Chapter 5', ': ', 'The Lake'],
    ['Chapitre 1 : Le masque', 'Chapitre 1', ' : ', 'Le masque'],
    ['第4章　灯笼', '第4章', '　', '灯笼'],
    ['Chapter 2 — The Boat', 'Chapter 2', ' — ', 'The Boat'],
  ])('%s keeps what stood between them, so it reads as written', (title, label, separator, name) => {
    const parts = titleParts(title);
    expect(parts).toEqual({ label, separator, name });
    expect(`${parts.label}${parts.separator}${parts.name}`).toBe(title);
  });
});
