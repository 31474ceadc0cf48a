import type { APIRoute } from 'astro';
import { getStory } from '../build/content';

/**
 * `/next-release.txt`: when the next scheduled chapter goes out (an ISO time, UTC), or nothing
 * when none is scheduled. The home page says the same day to readers; the hourly release
 * workflow (.github/workflows/release.yml) reads this from the live site and rebuilds it once
 * the time has come, so a chapter set for 18:00 is out within the hour, not the next morning.
 */
export const GET: APIRoute = async () => {
  const { nextRelease } = await getStory();
  return new Response(nextRelease ? `${nextRelease.toISOString()}\n` : '', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
