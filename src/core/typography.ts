/**
 * Typographer's quotes, dashes and ellipses, the SmartyPants way: `"` and `'` become
 * curly by what surrounds them, `--` and `---` an em dash (the typewriter convention
 * fiction pasted as plain text follows), `...` an ellipsis. Only punctuation changes;
 * every letter stays as written. Used by the Markdown pipeline and for plain-text copies
 * (descriptions, the feed), so both read alike.
 */

/** Characters after which a quote opens rather than closes. */
const opensAfter = /[\s([{<“‘]/u;
/** After a dash a quote opens a word ("-'twas") and closes otherwise ("awfu-"). */
const dash = /[\u2014\u2013\-/]/u;
const wordChar = /[\p{L}\p{N}]/u;

function opens(previous: string, next: string): boolean {
  return opensAfter.test(previous) || (dash.test(previous) && wordChar.test(next));
}

/** Smartens one text, given the character that came before it. */
export function smarten(text: string, before = ' '): string {
  const dashed = text.replace(/-{2,3}/g, '\u2014').replace(/\.\.\.|\. \. \./g, '\u2026');
  let out = '';
  let previous = before;
  for (let i = 0; i < dashed.length; i++) {
    const char = dashed[i]!;
    const next = dashed[i + 1] ?? ' ';
    if (char === '"') {
      out += opens(previous, next) ? '“' : '”';
    } else if (char === "'") {
      if (wordChar.test(previous))
        out += '’'; // it's, Giry's, dancers'
      else if (/\d/.test(next) && /\d\d(?:s|\b)/.test(dashed.slice(i + 1, i + 4)))
        out += '’'; // '90s
      else out += opens(previous, next) ? '‘' : '’';
    } else {
      out += char;
    }
    previous = char;
  }
  return out;
}
