import type { Element, ElementContent, Root } from 'hast';
import { playersAsLinks } from '../markdown/players.ts';
import { treesOf, type ImportedWork } from './model.ts';

/**
 * What a work embeds that no page of the site shows: a player from another site (a YouTube
 * video, a Spotify song, as AO3 lets authors embed them) becomes a link to what it plays, as the
 * build would show it (src/markdown/players.ts); scripts, style sheets, templates and forms are
 * left out (a form's labels and buttons keep their words). Both are said.
 */

/** Elements the site's pages never keep, by what the author is told of them. */
const leftOut: Readonly<Record<string, string>> = { script: 'script', style: 'style sheet', form: 'form', template: 'template' };

export function embeddedMedia(work: ImportedWork): void {
  const linked: string[] = [];
  const removed = new Map<string, number>();
  const withoutCode = (node: Root | Element) => {
    node.children = node.children.flatMap((child): ElementContent[] => {
      if (child.type !== 'element') return [child as ElementContent];
      if (!Object.hasOwn(leftOut, child.tagName)) {
        withoutCode(child);
        return [child];
      }
      removed.set(child.tagName, (removed.get(child.tagName) ?? 0) + 1);
      return child.tagName === 'form' ? formWords(child) : [];
    }) as typeof node.children;
  };
  for (const tree of treesOf(work)) {
    withoutCode(tree);
    playersAsLinks(tree, (player) => {
      linked.push(player.what);
      if (player.added) work.source += `\n${player.added}`;
    });
  }
  if (linked.length > 0)
    work.notices.push(
      `wrote ${linked.length === 1 ? 'a player' : `${linked.length} players`} embedded from other sites (${[...new Set(linked)].slice(0, 3).join(', ')}${new Set(linked).size > 3 ? '…' : ''}) as ${linked.length === 1 ? 'a link' : 'links'} to what ${linked.length === 1 ? 'it plays' : 'they play'}: a chapter shows nothing of another site inside it`,
    );
  if (removed.size > 0)
    work.dropped.push(
      `${[...removed].map(([tag, count]) => (count === 1 ? `a ${leftOut[tag]!}` : `${count} ${leftOut[tag]!}s`)).join(', ')} (no page of the site keeps one)`,
    );
}

/** What a reader read of a form: its labels' and buttons' words, as a paragraph; its fields go. */
function formWords(form: Element): ElementContent[] {
  const words: string[] = [];
  const visit = (node: Element) => {
    for (const child of node.children) {
      if (child.type === 'text' && child.value.trim()) words.push(child.value.trim());
      else if (child.type === 'element' && !['input', 'select', 'textarea', 'script', 'style'].includes(child.tagName)) visit(child);
    }
  };
  visit(form);
  return words.length > 0 ? [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: words.join(' ') }] }] : [];
}
