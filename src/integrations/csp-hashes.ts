import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Tokenizer, TokenizerMode, type Token } from 'parse5';

/**
 * Makes each page's Content-Security-Policy allow exactly the inline scripts that page holds.
 * Astro lists a hash for every script of the site on every page, though module scripts load
 * from the site itself ('self'): 53 bytes each that cannot be compressed, on every page, and
 * more permission than a page needs; and it leaves out inline scripts that happen to run
 * before its `<meta>` (the reader-settings script), which would break if the order changed.
 */
export function cspHashes(): AstroIntegration {
  return {
    name: 'quire:csp-hashes',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
        await Promise.all(
          pages.map(async (file) => {
            const path = join(root, file);
            const html = await readFile(path, 'utf8');
            const trimmed = trimScriptHashes(html);
            if (trimmed !== html) await writeFile(path, trimmed);
          }),
        );
      },
    },
  };
}

/** What the policy of a page depends on, found by HTML's own tokenizer: its inline scripts and styles, and where its policy is written. */
interface PageParts {
  scripts: string[];
  styles: string[];
  /** Where the CSP `<meta>`'s `content` value starts and ends in the page, and what it says. */
  policy: { start: number; end: number; value: string } | undefined;
}

/** Elements whose content the HTML parser reads as text to their end tag (besides scripts and styles). */
const textModes: Record<string, (typeof TokenizerMode)[keyof typeof TokenizerMode]> = {
  title: TokenizerMode.RCDATA,
  textarea: TokenizerMode.RCDATA,
  xmp: TokenizerMode.RAWTEXT,
  iframe: TokenizerMode.RAWTEXT,
  noembed: TokenizerMode.RAWTEXT,
  noframes: TokenizerMode.RAWTEXT,
  noscript: TokenizerMode.RAWTEXT,
  plaintext: TokenizerMode.PLAINTEXT,
};

/**
 * Reads a page as a browser's tokenizer does (parse5's), switching to script, raw-text and
 * text reading after `<script>`, `<style>`, `<textarea>`… as the HTML parser would: text that
 * merely shows such tags is text.
 */
function pageParts(html: string): PageParts {
  const parts: PageParts = { scripts: [], styles: [], policy: undefined };
  let open: { kind: 'script' | 'style'; text: string } | undefined;
  const tokenizer: Tokenizer = new Tokenizer(
    { sourceCodeLocationInfo: true },
    {
      onStartTag(token: Token.TagToken) {
        const attribute = (name: string) => token.attrs.find((attr) => attr.name === name);
        if (token.tagName === 'script' && !token.selfClosing) {
          tokenizer.state = TokenizerMode.SCRIPT_DATA;
          const type = attribute('type')?.value;
          // A script loaded from a file is allowed as 'self'; a data block (JSON-LD) never runs.
          if (!attribute('src') && type !== 'application/ld+json') open = { kind: 'script', text: '' };
        } else if (token.tagName === 'style') {
          tokenizer.state = TokenizerMode.RAWTEXT;
          open = { kind: 'style', text: '' };
        } else if (textModes[token.tagName] !== undefined && !token.selfClosing) {
          tokenizer.state = textModes[token.tagName]!;
        } else if (token.tagName === 'meta' && attribute('http-equiv')?.value.toLowerCase() === 'content-security-policy') {
          const content = attribute('content');
          const location = token.location?.attrs?.content;
          if (content && location) {
            // The value sits after the attribute's `=`, between its quotes if it has them.
            const opening = /=\s*(["']?)/.exec(html.slice(location.startOffset, location.endOffset))!;
            const start = location.startOffset + opening.index + opening[0].length;
            parts.policy = { start, end: location.endOffset - opening[1]!.length, value: content.value };
          }
        }
      },
      onEndTag(token: Token.TagToken) {
        if (open && token.tagName === open.kind) {
          (open.kind === 'script' ? parts.scripts : parts.styles).push(open.text);
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
  return parts;
}

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The page with the hashes of its own inline scripts and style elements, and no others, in its CSP `<meta>`. */
export function trimScriptHashes(html: string): string {
  const { scripts, styles, policy } = pageParts(html);
  if (!policy) return html;
  const own = { 'script-src': new Set(scripts.map(hash)), 'style-src': new Set(styles.map(hash)) } as Record<string, Set<string>>;
  const directives = policy.value.split(';').map((directive) => {
    const [name = '', ...sources] = directive.trim().split(/\s+/);
    const hashes = own[name];
    if (!hashes) return directive;
    return ` ${[name, ...sources.filter((source) => !/^'sha(256|384|512)-/.test(source)), ...hashes].join(' ')}`;
  });
  // The policy's value is written back in place: the page around it is left as it was.
  return `${html.slice(0, policy.start)}${directives.join(';').replace(/"/g, '&quot;')}${html.slice(policy.end)}`;
}
