/**
 * Links and pictures written by reference (`[the inn][1]`, `![][image1]`, and `[1]: https://…`
 * at the end, as Google Docs' Markdown, Ulysses and many editors write them) written inline
 * instead (`[the inn](https://…)`), definitions taken away: a file cut into chapters keeps every
 * link and picture working in the chapter that shows it, where the definitions would stay in the
 * last. The text shown is unchanged; fenced code is left as it is.
 */

/**
 * A definition's line: `[label]: <address> "title"` (not a footnote's, `[^1]: …`), as CommonMark
 * reads one: an address of one word, a title in quotes or brackets, nothing else
 * ("[Flashback]: The year was 1990." is a paragraph).
 */
export const definitionLine = /^ {0,3}\[((?!\^)[^\]\n]{1,500})\]:[ \t]*(<[^>\n]*>|\S+)(?:[ \t]+("[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*$/;

/** A reference: `![alt][label]`, `[text][label]`, `[text][]`, or `[label]` alone (not a link already, nor a footnote). */
const reference = /(!?)\[((?!\^)[^\]\n]{0,500})\](?:\[([^\]\n]{0,500})\]|(?![(:[]))/g;

/** Labels match whatever their case and spacing, as CommonMark matches them. */
const key = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** The text with its references written inline and its definitions taken away; a text without definitions as it is. */
export function inlineReferences(markdown: string): string {
  const lines = markdown.split('\n');
  const definitions = new Map<string, string>();
  const fenced: boolean[] = [];
  const removed = new Set<number>();
  let fence: string | undefined;
  for (const [index, line] of lines.entries()) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    fenced[index] = fence !== undefined || marker !== undefined;
    if (marker && (fence === undefined || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence ? undefined : marker;
    else if (fence === undefined) {
      const found = definitionLine.exec(line);
      if (!found) continue;
      const address = found[2]!.startsWith('<') ? found[2]! : `<${found[2]!}>`;
      // The first definition of a label is the one CommonMark uses.
      if (!definitions.has(key(found[1]!))) definitions.set(key(found[1]!), found[3] ? `${address} ${found[3]}` : address);
      removed.add(index);
    }
  }
  if (definitions.size === 0) return markdown;
  return lines
    .map((line, index) =>
      fenced[index]
        ? line
        : line.replace(reference, (whole, bang: string, text: string, label: string | undefined) => {
            const target = definitions.get(key(label || text));
            return target === undefined ? whole : `${bang}[${text}](${target})`;
          }),
    )
    .filter((_, index) => !removed.has(index))
    .join('\n')
    .trimEnd();
}
