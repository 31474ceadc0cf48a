import type { Root } from 'hast';

/**
 * Turns thematic breaks (`* * *`, `***`, `---`) into scene breaks: an `<hr>` the stylesheet
 * draws as a centred ornament and screen readers announce as "Scene break".
 */
export function rehypeSceneBreaks() {
  return (tree: Root) => {
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'hr') {
        node.properties.className = ['scene-break'];
        node.properties.ariaLabel = 'Scene break';
      }
    }
  };
}
