import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The sample story Quire ships in `content/` ("Little Meg"), by the digest of each of its
 * files (line endings as Git may have checked them out set aside). Its copy in
 * tests/fixtures/sample/ must match; a unit test says so.
 */
export const sampleFiles: Readonly<Record<string, string>> = {
  'story.md': '285ff98c6b94c728671fe70b403cb703e72bac51c4036fc85ca614012e06935a',
  'chapters/prologue.md': 'a767ff6202c2e590128a3d5cc2c0f301112a99a7591fe24ab7b0cd49ccb85f59',
};

/** The sample story's title, for messages. */
export const sampleTitle = 'Little Meg';

/** Whether a content folder still holds the sample story as shipped, whatever else was added beside it. */
export function holdsSample(contentDir: string): boolean {
  return Object.entries(sampleFiles).every(([path, digest]) => {
    const file = join(contentDir, path);
    if (!existsSync(file)) return false;
    const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
    return createHash('sha256').update(text).digest('hex') === digest;
  });
}
