/**
 * The words of a chapter's Markdown as a reader will see them, read straight from the text
 * (not through the pipeline that renders it, so the import's word check does not share the
 * renderer's mistakes): markup, link targets, HTML tags and footnote labels removed,
 * paragraphs kept.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^ {0,3}\[\^[^\]\s]+\]:[ \t]*/gm, '')
    .replace(/\[\^[^\]\s]+\]/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^ {0,3}(?:[*_-] *){3,}$/gm, '')
    .replace(/^:{3,}[\w-]*\s*$/gm, '')
    .replace(/^ {0,3}(?:#{1,6} +|> ?|[*+-] +(?=\S)|\d+[.)] +)/gm, '')
    .replace(/(\*\*|__|\*|_|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>|~])/g, '$1')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
