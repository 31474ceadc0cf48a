import type { APIRoute, GetStaticPaths } from 'astro';
import { getStory, storyPaths } from '../build/content';
import { appIcon } from '../build/icons';
import { iconSizes } from '../core/manifest';

/** `/icon-192.png`, `/icon-512.png`: the story's app icons (src/build/icons.ts). */
export const getStaticPaths: GetStaticPaths = () => storyPaths('icon', () => iconSizes.map((size) => ({ params: { size: String(size) } })));

export const GET: APIRoute = async ({ params }) => {
  const icon = await appIcon(await getStory(), Number(params.size));
  return new Response(icon as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
