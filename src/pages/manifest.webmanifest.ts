import type { APIRoute } from 'astro';
import { getStory } from '../build/content';
import { withBase } from '../build/paths';
import { webAppManifest } from '../core/manifest';
import { textDirection } from '../shared/i18n';

/** `/manifest.webmanifest`: the story as an installable app (src/core/manifest.ts). */
export const GET: APIRoute = async () => {
  const story = await getStory();
  const manifest = webAppManifest(story, withBase(''), textDirection(story.meta.language));
  return new Response(JSON.stringify(manifest, null, 2), { headers: { 'Content-Type': 'application/manifest+json' } });
};
