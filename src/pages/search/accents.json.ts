import type { APIRoute } from 'astro';
import { getStory } from '../../build/content';
import { accentVariants } from '../../shared/search-terms';

/** `/search/accents.json`: lets the search page find "Daaé" when a reader types "Daae". */
export const GET: APIRoute = async () => {
  const story = await getStory();
  const variants = accentVariants(story.chapters.flatMap((chapter) => [chapter.title, chapter.text]));
  return new Response(JSON.stringify(variants), { headers: { 'Content-Type': 'application/json' } });
};
