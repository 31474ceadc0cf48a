import type { Root, RootContent } from 'hast';

/**
 * The spaces an editor leaves at the ends of lines (of raw HTML, of code), which no page shows,
 * taken off: a page's lines end where its text does. Text split in two beside each other (as
 * the plugins before leave it) is one text first, so a space before the next one's line break goes too.
 */
export function rehypeLineEnds() {
  return (tree: Root) => {
    const tidy = (parent: { children: RootContent[] }) => {
      const children: RootContent[] = [];
      for (const child of parent.children) {
        const last = children.at(-1);
        if (child.type === 'text' && last?.type === 'text') last.value += child.value;
        else children.push(child);
        if ('children' in child) tidy(child);
      }
      for (const child of children) if (child.type === 'text') child.value = child.value.replace(/[ \t]+(?=\r?\n)/g, '');
      parent.children = children;
    };
    tidy(tree);
    // The text's own end is a line's end on the page, which goes on under it.
    const last = tree.children.at(-1);
    if (last?.type === 'text') last.value = last.value.replace(/[ \t]+$/, '');
  };
}
