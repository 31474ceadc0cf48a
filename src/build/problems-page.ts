import { escapeXml } from '../core/escape.ts';

/**
 * The page `npm run dev` shows instead of the story while the content has problems: each
 * problem with its file (and line), nothing of Quire's own code. It reloads itself through
 * Vite's client when a content file changes, so a fix shows the story again at once.
 */
export function problemsPage(problems: readonly string[], base: string): Response {
  const heading = `The story has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading} · Quire</title>
<style>
  body { max-inline-size: 48rem; margin: 2rem auto; padding: 0 1rem; font: 1rem/1.5 system-ui, sans-serif; color: #1f1f1f; background: #fff; }
  h1 { font-size: 1.5rem; }
  li { margin-block: 0.75rem; padding: 0.5rem 0.75rem; border-inline-start: 4px solid #b3261e; background: #fdf2f1; overflow-wrap: anywhere; }
  code { font: 0.9375rem ui-monospace, monospace; }
  @media (prefers-color-scheme: dark) { body { color: #eee; background: #161616; } li { background: #3a1d1b; } }
</style>
<script type="module" src="${escapeXml(base)}@vite/client"></script>
</head>
<body>
<main>
<h1>${heading}</h1>
<p>Nothing is built while these stand. Fix each one and save: this page shows the story again by itself.</p>
<ul>
${problems.map((problem) => `<li><code>${escapeXml(problem)}</code></li>`).join('\n')}
</ul>
<p><code>npm run check</code> lists them in the terminal too.</p>
</main>
</body>
</html>
`;
  return new Response(html, { status: 500, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
