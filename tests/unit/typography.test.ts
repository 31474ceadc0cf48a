import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { smarten } from '../../src/core/typography';
import { remarkTypography } from '../../src/markdown/remark-typography';

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
  ])('%s', (input, output) => {
    expect(smarten(input)).toBe(output);
  });

  it('changes punctuation only, never a letter', () => {
    const text = `"Such pain-such sadness-!" 'Tis -the man. G..goodbye, monsieur... "YOU! WHO ARE YOU?!"`;
    expect(smarten(text).replace(/[^\p{L}\p{N}]/gu, '')).toBe(text.replace(/[^\p{L}\p{N}]/gu, ''));
  });
});

describe('remarkTypography in the Markdown pipeline', () => {
  const render = async (markdown: string) =>
    String(await unified().use(remarkParse).use(remarkTypography).use(remarkRehype).use(rehypeStringify).process(markdown));

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
