import type { Image, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { problems } from '../core/problems.ts';

/** `![[lamp.png]]`, `![[images/lamp.png|A lamp]]`, `![[lamp.png|300]]`: a picture embedded the Obsidian way. */
export const obsidianEmbed = /!\[\[([^\]|\n]{1,500}?\.(?:png|jpe?g|gif|webp|avif|svg))(?:\|([^\]\n]{0,500}))?\]\]/gi;

/** An embed's picture as written, and its description (none where the bar gives a size). */
export function embeddedPicture(path: string, after: string | undefined): { path: string; alt: string } {
  const said = after?.trim() ?? '';
  return { path: path.trim(), alt: /^\d+(?:x\d+)?$/.test(said) ? '' : said };
}

/**
 * What an author writing in Obsidian (the content folder as a vault) means, as they see it
 * there: a picture embedded as `![[lamp.png]]` is that picture (from `images/` when named
 * alone, as Obsidian finds it in the vault), its description after a bar, a size left out. An
 * Obsidian comment (`%%…%%`), which Obsidian hides, is refused: shown on the site, it would
 * publish what the author kept to themselves.
 */
export function remarkObsidian() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'text', (node: Text, index, parent) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      const written = start !== undefined && end !== undefined ? source.slice(start, end) : node.value;
      if (/(?<!\\)%%/.test(written)) file.message(problems.ObsidianComment.message(), node);
      if (!parent || index === undefined || !node.value.includes('![[')) return undefined;
      const parts: PhrasingContent[] = [];
      let at = 0;
      for (const match of node.value.matchAll(obsidianEmbed)) {
        if (match.index > at) parts.push({ type: 'text', value: node.value.slice(at, match.index) });
        const { path, alt } = embeddedPicture(match[1]!, match[2]);
        const picture: Image = { type: 'image', url: path.includes('/') ? path : `images/${path}`, alt };
        parts.push(picture);
        at = match.index + match[0].length;
      }
      if (parts.length === 0) return undefined;
      if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
      parent.children.splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}
