import type { Root } from 'hast';

/**
 * Turns thematic breaks (`* * *`, `***`, `---`) into scene breaks: an `<hr>` (a screen reader
 * says "separator") that the stylesheet draws as a centred ornament.
 */
export function rehypeSceneBreaks() {
  return (tree: Root) => {
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'hr') node.properties.className = ['scene-break'];
    }
  };
}
