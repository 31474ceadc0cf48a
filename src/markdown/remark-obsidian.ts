import type { Image, Link, PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { asTyped } from './as-typed.ts';
import { visit } from 'unist-util-visit';
import { problems } from '../core/problems.ts';
import { slugPattern } from '../core/slug.ts';

/** `![[lamp.png]]`, `![[images/lamp.png|A lamp]]`, `![[lamp.png|300]]`: a picture embedded the Obsidian way. */
export const obsidianEmbed = /!\[\[([^\]|\n]{1,500}?\.(?:png|jpe?g|gif|webp|avif|svg))(?:\|([^\]\n]{0,500}))?\]\]/gi;

/** `[[chapter-2]]`, `[[chapter-2|the next chapter]]`, `[[chapter-2#The Lake]]`: a link to another note, the Obsidian way. */
const wikiLink = /\[\[([^\]|#\n]{1,200})(?:#[^\]|\n]{0,200})?(?:\|([^\]\n]{0,500}))?\]\]/g;
/**
 * A link that is no embed (no `!` before it), nor the bracketed words of a Markdown link
 * (`[[sic]](https://…)`, which CommonMark reads as a link showing "[sic]").
 */
const linkAlone = new RegExp(`(?<!!)${wikiLink.source}(?![(\\[])`, 'g');
/** A picture embedded, or else a link: read in one pass over a text. */
const embedOrLink = new RegExp(`${obsidianEmbed.source}|${wikiLink.source}`, 'gi');

/**
 * A text with its Obsidian links to chapter files (not embeds) as the words they show:
 * `[[chapter-2|the next chapter]]` → `the next chapter`; brackets around anything else (`[[Level
 * up!]]`) stay, as the site shows them.
 */
export function wikiLinksAsShown(text: string): string {
  return text.replace(linkAlone, (written: string, target: string, alias?: string) =>
    slugPattern.test(target.trim()) ? alias?.trim() || target.trim() : written,
  );
}

/** An embed's picture as written, and its description (none where the bar gives a size). */
export function embeddedPicture(path: string, after: string | undefined): { path: string; alt: string } {
  const said = after?.trim() ?? '';
  return { path: path.trim(), alt: /^\d+(?:x\d+)?$/.test(said) ? '' : said };
}

/**
 * What an author writing in Obsidian (the content folder as a vault) means, as they see it
 * there: a picture embedded as `![[lamp.png]]` is that picture (from `images/` when named
 * alone, as Obsidian finds it in the vault), its description after a bar, a size left out; a
 * link to a note as `[[chapter-2|the next chapter]]` links that chapter (one of `chapters`, by
 * file name or slug), as `[the next chapter](chapter-2.md)` does. An Obsidian comment
 * (`%%…%%`), which Obsidian hides, is refused: shown on the site, it would publish what the
 * author kept to themselves.
 */
export function remarkObsidian({ chapters }: { chapters: ReadonlyMap<string, string> }) {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'text', (node: Text, index, parent) => {
      const written = asTyped(node, source) ?? node.value;
      if (/(?<!\\)%%/.test(written)) file.message(problems.ObsidianComment.message(), node);
      if (!parent || index === undefined || !node.value.includes('[[')) return undefined;
      const parts: PhrasingContent[] = [];
      // Where the text was, for what is reported of a picture or a link made from it (its line).
      const where = node.position ? { position: node.position } : {};
      let at = 0;
      for (const match of node.value.matchAll(embedOrLink)) {
        if (match.index > at) parts.push({ type: 'text', value: node.value.slice(at, match.index) });
        if (match[1] !== undefined) {
          const { path, alt } = embeddedPicture(match[1], match[2]);
          const picture: Image = { type: 'image', url: path.includes('/') ? path : `images/${path}`, alt, ...where };
          parts.push(picture);
        } else if (node.value[match.index - 1] === '!' || !chapters.has(match[3]!.trim())) {
          // An embedded note (`![[Chapter notes]]`) is no picture, and double brackets around
          // what names no chapter (`[[Level up!]]`, as game stories set a system's words; a note
          // of the vault that is not published) are no link: as written.
          parts.push({ type: 'text', value: match[0] });
        } else {
          const target = match[3]!.trim();
          const link: Link = {
            type: 'link',
            url: `${target}.md`,
            children: [{ type: 'text', value: match[4]?.trim() || target }],
            ...where,
          };
          parts.push(link);
        }
        at = match.index + match[0].length;
      }
      if (parts.length === 0) return undefined;
      if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
      parent.children.splice(index, 1, ...parts);
      return index + parts.length;
    });
  };
}
