import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStory } from '../../src/source/story-source';
import { hostileStories, writeHostileStory } from '../support/hostile-stories';

const root = mkdtempSync(join(tmpdir(), 'quire-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The sound story every attack is added to reads without a problem. */
describe('the hostile-story corpus', () => {
  it('starts from a story that reads without a problem', async () => {
    const content = writeHostileStory(join(root, 'sound'), { attack: 'none', files: {}, problem: /^$/ });
    expect((await readStory(content, { base: '/', now: new Date() })).problems).toEqual([]);
  });

  hostileStories.forEach((story, index) => {
    it(`refuses ${story.attack}, naming the file, within seconds`, async () => {
      const content = writeHostileStory(join(root, String(index)), story);
      const started = performance.now();
      const { problems } = await readStory(content, { base: '/', now: new Date() });
      expect(performance.now() - started).toBeLessThan(5000);
      expect(problems.join('\n')).toMatch(story.problem);
      // Nothing of what was refused reaches the story's text.
      expect(problems.join('\n')).not.toMatch(/s3cr3t|at \S+\.ts:\d+/);
    });
  });
});
