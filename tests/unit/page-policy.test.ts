import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { trimScriptHashes } from '../../src/build/page-policy';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const page = (head: string, body: string) =>
  `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'sha256-old='; style-src 'self'">${head}</head><body>${body}</body></html>`;
const policy = (html: string) => /content-security-policy" content="([^"]*)"/.exec(html)![1]!;

describe('each page’s policy', () => {
  it('allows exactly the inline scripts and styles the page holds, and no other site script', () => {
    const html = trimScriptHashes(
      page(
        '<script>boot()</script><style>p{}</style>',
        '<script type="module" src="/a.js"></script><script type="application/ld+json">{}</script>',
      ),
    );
    expect(policy(html)).toBe(`default-src 'self'; script-src 'self' ${hash('boot()')}; style-src 'self' ${hash('p{}')}`);
  });

  it('counts what the HTML tokenizer reads as a script, not what looks like one in a comment or in text', () => {
    const html = trimScriptHashes(
      page(
        '<script>boot()</script>',
        '<!-- <script>old()</script> --><p>&lt;script&gt;shown()&lt;/script&gt;</p><textarea><script>typed()</script></textarea>',
      ),
    );
    expect(policy(html)).toBe(`default-src 'self'; script-src 'self' ${hash('boot()')}; style-src 'self'`);
  });

  it('counts an inline script in the body as well as those in the head', () => {
    const html = trimScriptHashes(
      page('<script>boot()</script>', '<p>Text</p><script>late()</script><script type="module" src="/a.js"></script>'),
    );
    expect(policy(html)).toBe(`default-src 'self'; script-src 'self' ${hash('boot()')} ${hash('late()')}; style-src 'self'`);
  });

  it('changes nothing but the policy’s value', () => {
    const original = page('<script>boot()</script>', '<p>Text</p>');
    const html = trimScriptHashes(original);
    expect(html.replace(policy(html), '')).toBe(original.replace(policy(original), ''));
  });
});
