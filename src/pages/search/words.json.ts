import type { APIRoute } from 'astro';
import { getStory } from '../../build/content';
import { vocabulary } from '../../shared/suggest';

/** `/search/words.json`: the story's words, most used first, for "Did you mean …?" when a search finds nothing. */
export const GET: APIRoute = async () => {
  const story = await getStory();
  const words = vocabulary(story.chapters.flatMap((chapter) => [chapter.title, chapter.text]));
  return new Response(JSON.stringify(words), { headers: { 'Content-Type': 'application/json' } });
};
