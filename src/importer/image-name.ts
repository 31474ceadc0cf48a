import { slugify } from '../core/slug.ts';

/** A file name for a picture from its source name: safe characters, the extension kept. */
export function imageName(source: string, taken: ReadonlySet<string>): string {
  const base = source.split(/[\\/]/).pop() ?? 'image';
  const dot = base.lastIndexOf('.');
  const stem = slugify(dot > 0 ? base.slice(0, dot) : base) || 'image';
  const extension = dot > 0 ? base.slice(dot).toLowerCase() : '';
  let name = `${stem}${extension}`;
  for (let n = 2; taken.has(name); n++) name = `${stem}-${n}${extension}`;
  return name;
}
