import yaml from 'js-yaml';

/** A content file as an author opens it (what the importer writes): its frontmatter and its text. */
export function parseContentFile(text: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)---\n\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`not a content file:\n${text}`);
  return { front: yaml.load(match[1]!, { schema: yaml.CORE_SCHEMA }) as Record<string, unknown>, body: match[2]!.trimEnd() };
}
