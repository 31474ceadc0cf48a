import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { problems } from '../core/problems.ts';
import { asTyped } from './as-typed.ts';

/**
 * What a blog's site generator runs and Quire does not, as chapters copied from a Jekyll or Hugo
 * blog carry it: a Liquid tag (`{% include note.html %}`, `{% endraw %}`), a Liquid value with
 * a path (`{{ site.title }}`, `{{ page.author | upcase }}`), a Hugo shortcode (`{{< figure
 * src="lake.png" >}}`, `{{% note %}}`) and a kramdown attribute list (`{: .lead}`, `{:toc}`).
 * Narrow on purpose: the braces fiction types (`{{hugs}}`, `{{{Harry}}}`, `{laughs}`) are none of them.
 */
export const templateCode =
  /\{%-?\s*[a-z]\w*\b[^%\n]{0,200}?-?%\}|\{\{-?\s*[a-z_]\w*(?:\.\w+)+(?:\s*\|[^}\n]{0,100})?\s*-?\}\}|\{\{[<%]\s*\/?[a-z][\w-]*\b[^}\n]{0,300}?[>%]\}\}|\{:\s*(?:[.#][\w-]+|toc\b|[a-z][\w-]*=)[^}\n]{0,200}\}/i;

/**
 * Tells the author of template code in a chapter's text: readers would see it as typed, the
 * include or the picture it stands for nowhere. Text shown as code (between backticks, or a
 * code block) is the author's and left alone; the chapter still renders as written.
 */
export function remarkTemplateCode() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, ['paragraph', 'heading', 'tableCell'], (block) => {
      const found = templateCode.exec(typedWithoutCode(block, source));
      if (found) file.info(problems.TemplateCode.message(found[0]), block);
      return 'skip';
    });
  };
}

/**
 * A block's Markdown as typed, each code span in it blanked: read as typed because Markdown
 * takes `{{<figure src="lake.png">}}` for braces around raw HTML.
 */
function typedWithoutCode(block: Node, source: string): string {
  const start = block.position?.start.offset;
  const whole = asTyped(block, source);
  if (start === undefined || whole === undefined) return '';
  let typed = whole;
  visit(block, 'inlineCode', (code: Node) => {
    const from = (code.position?.start.offset ?? start) - start;
    const to = (code.position?.end.offset ?? start) - start;
    typed = typed.slice(0, from) + ' '.repeat(Math.max(0, to - from)) + typed.slice(to);
  });
  return typed;
}
