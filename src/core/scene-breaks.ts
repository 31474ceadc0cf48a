/**
 * Scene breaks as fanfic types them, in every format: three or more marks (`* * *`, `***`,
 * `~~~`, `———`, `~*~`, `• • •`), one mark set alone (`#`, `*`, `⁂`, `§`, `❦`), or the
 * letters writers draw with (`oOo`, `xXx`, `-x-`, `~x~`). One predicate for the text reader,
 * Word documents and every HTML-based format, so a break typed one way becomes a break
 * whatever file it came in.
 */
const sceneBreak = /^(?:(?:[*~=_#+•·◆◇❖✦✧⁂§❦❧—–-]\s*){3,}|[#*~•◆❖✦⁂§❦❧]|[-~=\s]*(?:o+O+o+|O+o+O+|x+X+x+|X+x+X+|-x-|~x~)[-~=\s]*)$/u;

/** Whether a line (or a paragraph's whole text) is a scene break. */
export function isSceneBreak(line: string): boolean {
  return sceneBreak.test(line.trim());
}
