import { Tokenizer, TokenizerMode, type Token } from 'parse5';

/**
 * Finished HTML read by HTML's own tokenizer (parse5's), as a browser reads it: after
 * `<script>`, `<style>`, `<textarea>`… it switches to reading their content as text, as the
 * HTML parser would, so text that merely shows markup (a code span with `<p id="x">`, a
 * comment) is never taken for it. For changes to a page that touch attribute values and
 * element names and nothing else, without building a tree: each is found where it stands and
 * replaced there, the rest of the page left byte for byte.
 */

/** Elements whose content HTML reads as text to their end tag. */
const textModes: Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]> = {
  script: TokenizerMode.SCRIPT_DATA,
  style: TokenizerMode.RAWTEXT,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  plaintext: TokenizerMode.PLAINTEXT,
};

/** A start tag as the tokenizer read it. */
export interface StartTag {
  name: string;
  attribute(name: string): string | undefined;
}

/**
 * What to do while reading: `start` sees each start tag and may replace its attributes'
 * values (given as a function, a value is worked out once the whole page is read).
 */
export interface TokenVisitor {
  start?(tag: StartTag, replace: (attribute: string, value: string | (() => string)) => void): void;
  /** The whole text of each script or style element, once its end tag is read. */
  rawText?(tag: StartTag, text: string): void;
  /** A new name for an element (its start and its end tag), or undefined to keep its own. */
  rename?(name: string): string | undefined;
}

/** The value of an attribute as HTML writes it back, in double quotes. */
function quoted(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * Reads `html` token by token, telling `visitor` what it meets; gives the HTML with the
 * attribute values and element names the visitor replaced, the rest unchanged.
 */
export function readTokens(html: string, visitor: TokenVisitor): string {
  const edits: { start: number; end: number; text: string | (() => string) }[] = [];
  const renamed = (token: Token.TagToken, nameAt: number) => {
    const name = visitor.rename?.(token.tagName);
    if (name !== undefined && token.location)
      edits.push({
        start: token.location.startOffset + nameAt,
        end: token.location.startOffset + nameAt + token.tagName.length,
        text: name,
      });
  };
  let open: { tag: StartTag; text: string } | undefined;
  const tokenizer: Tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: true },
    {
      onStartTag(token: Token.TagToken) {
        const tag: StartTag = { name: token.tagName, attribute: (name) => token.attrs.find((attr) => attr.name === name)?.value };
        visitor.start?.(tag, (attribute, value) => {
          const location = token.location?.attrs?.[attribute];
          if (location)
            edits.push({
              start: location.startOffset,
              end: location.endOffset,
              text: () => `${attribute}="${quoted(typeof value === 'function' ? value() : value)}"`,
            });
        });
        renamed(token, '<'.length);
        const mode = textModes[token.tagName];
        if (mode !== undefined && !token.selfClosing) {
          tokenizer.state = mode;
          if (token.tagName === 'script' || token.tagName === 'style') open = { tag, text: '' };
        }
      },
      onEndTag(token: Token.TagToken) {
        renamed(token, '</'.length);
        if (open && token.tagName === open.tag.name) {
          visitor.rawText?.(open.tag, open.text);
          open = undefined;
        }
      },
      onCharacter: (token: Token.CharacterToken) => void (open && (open.text += token.chars)),
      onWhitespaceCharacter: (token: Token.CharacterToken) => void (open && (open.text += token.chars)),
      onNullCharacter: (token: Token.CharacterToken) => void (open && (open.text += token.chars)),
      onComment: () => undefined,
      onDoctype: () => undefined,
      onEof: () => undefined,
    },
  );
  tokenizer.write(html, true);
  if (edits.length === 0) return html;
  let out = '';
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    out += html.slice(at, edit.start) + (typeof edit.text === 'function' ? edit.text() : edit.text);
    at = edit.end;
  }
  return out + html.slice(at);
}
