/**
 * Scene breaks as fanfic types them, in every format: three or more marks (`* * *`, `***`,
 * `~~~`, `———`, `~*~`, `• • •`, `☆☆☆`, `♡♡♡`, `<><>`), one mark set alone (`#`, `*`, `⁂`, `§`,
 * `❦`, `☆`), or the letters writers draw with (`oOo`, `xXx`, `-x-`, `~x~`, `-o-o-o-`, `oOoOo`,
 * `x-x-x`, `o0o`). One
 * predicate for the text reader, Word documents, every HTML-based format and the site's own
 * Markdown, so a break typed one way becomes a break whatever file it came in.
 */
const marks = /^(?:(?:[*~=_#+•·◆◇❖✦✧⁂§❦❧—–☆★♦◈※❀✿○●◎♡♥❤°^-]\s*){3,}|(?:<>\s*){2,}|[#*~•◆❖✦⁂§❦❧☆★♦◈❀✿])$/u;

/** Marks that may stand between and around the letters of a drawn break (not `.`: `o.O` is a face). */
const between = '[-~=*_+•·\\s]';
/** A line of o's (a zero among them) or of x's, and marks between and around them: `-o-o-o-`, `oOoOo`, `o0o`, `x x x`. */
const drawn = new RegExp(`^${between}*(?:[oO0](?:${between}*[oO0])*|[xX](?:${between}*[xX])*)${between}*$`, 'u');

/** Whether a line (or a paragraph's whole text) is a scene break. */
export function isSceneBreak(line: string): boolean {
  const text = line.trim();
  return marks.test(text) || drawnBreak(text);
}

/**
 * Letters drawn as a break, and not a word or a face: one letter between marks (`-x-`, `~o~`);
 * two with a mark between (`x-x`); three or more (`ooo`, `oOo`, `x x x`), unless written as a
 * word is, capital first (`Ooo`, `Xxx`). Never o's and x's mixed (`xoxo` signs a note).
 */
function drawnBreak(text: string): boolean {
  // A zero drawn among o's (`o0o`), never zeros alone (`000` is a number).
  if (!drawn.test(text) || !/[oOxX]/.test(text)) return false;
  const letters = text.replace(/[^oOxX0]/g, '');
  const bare = text.replace(/\s/g, '');
  if (letters.length === 1) return /^[^oOxX]+[oOxX][^oOxX]+$/.test(bare);
  if (letters.length === 2) return bare.length > 2;
  return !/^[OX][ox]+$/.test(text);
}

/** A mark typed around a break's label: `-Line Break-`, `~*Scene Break*~`, `[break]`, `(LB)`. */
const around = /[-~=*_+•·#[\](){}<>|/\\:.\s]/u;

/**
 * Whether a line (or a paragraph's whole text) names a scene break in words, as authors type one
 * where a site strips drawn marks (FanFiction.net did): "Line Break", "-Scene Break-", "[break]",
 * "(LB)". "Break" or "LB" alone only between marks ("Break!" is a word said); "Time Skip" or "POV
 * Change" tell the reader something, and stay. The importer draws these as breaks and says so; the
 * site's own Markdown keeps them as the author wrote them. The marks are taken off each end first,
 * then the words between looked at: time in proportion to the line, however many marks it holds.
 */
export function isBreakLabel(line: string): boolean {
  const text = line.trim();
  let start = 0;
  let end = text.length;
  while (start < end && around.test(text[start]!)) start++;
  while (end > start && around.test(text[end - 1]!)) end--;
  const words = text.slice(start, end);
  if (/^(?:scene|line|page|section)[\s-]*break$/iu.test(words)) return true;
  return /^(?:break|lb|sb)$/iu.test(words) && /[[(<{~*-]/u.test(text.slice(0, start)) && /[\])>}~*-]/u.test(text.slice(end));
}

/** A break as the importer reads one, in every format: drawn with marks (`* * *`, `oOo`) or named ("Line Break"). */
export function isTypedBreak(line: string): boolean {
  return isSceneBreak(line) || isBreakLabel(line);
}
