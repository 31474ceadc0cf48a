import type { AstroIntegration } from 'astro';
import type { QuireEnv } from '../source/env.ts';

/** What a site without an address lacks, named in the warning. */
export const withoutAddress =
  'SITE_URL is not set and the host gave no address (Netlify URL, Cloudflare Pages CF_PAGES_URL, Vercel VERCEL_PROJECT_PRODUCTION_URL): the feed’s links point at http://localhost:4321, there is no sitemap, and link previews and canonical links have no address. Set SITE_URL to the site’s address, e.g. SITE_URL=https://my-story.example.org';

/**
 * Says, once, where the site's address came from; and in a build on a CI or hosting service
 * without one, warns that the feed, the sitemap and link previews need it.
 */
export function siteAddress(env: Pick<QuireEnv, 'siteUrl' | 'siteUrlFrom' | 'ci'>): AstroIntegration {
  return {
    name: 'quire:site-address',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command !== 'build') return;
        if (env.siteUrl) {
          if (env.siteUrlFrom !== 'SITE_URL') logger.info(`The site’s address is ${env.siteUrl} (from ${env.siteUrlFrom}).`);
        } else if (env.ci) {
          logger.warn(withoutAddress);
        }
      },
    },
  };
}
