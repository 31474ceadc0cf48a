import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { readEnv } from '../source/env.ts';
import type { Story } from '../core/story.ts';

/**
 * The story's app icon at `size` px square, as PNG: the cover, cropped to a square around
 * what draws the eye, or, without a cover, the site's own mark (public/favicon.svg).
 */
export async function appIcon(story: Story, size: number): Promise<Uint8Array> {
  const source = story.meta.cover ? join(readEnv().contentDir, story.meta.cover) : join(process.cwd(), 'public', 'favicon.svg');
  const image = sharp(readFileSync(source), { density: 600 }).resize(size, size, { fit: 'cover', position: 'attention' });
  return new Uint8Array(await image.png().toBuffer());
}
