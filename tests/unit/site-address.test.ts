import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/source/env';
import { siteAddress } from '../../src/integrations/site-address';

/** What the integration logs when Astro sets up a command with these environment variables. */
function logged(variables: Record<string, string>, command: 'build' | 'dev' = 'build'): string[] {
  const lines: string[] = [];
  const logger = {
    info: (message: string) => lines.push(`info ${message}`),
    warn: (message: string) => lines.push(`warn ${message}`),
  } as unknown as AstroIntegrationLogger;
  const setup = siteAddress(readEnv(variables)).hooks['astro:config:setup'] as (options: object) => void;
  setup({ command, logger });
  return lines;
}

describe('the site’s address', () => {
  it('without one, a CI build warns once, naming SITE_URL and what lacks it', () => {
    const lines = logged({ CI: 'true' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warn SITE_URL is not set/);
    expect(lines[0]).toMatch(/feed.*sitemap.*link previews/);
  });

  it('says nothing of it in a local build, in npm run dev, or when SITE_URL is set', () => {
    expect(logged({})).toEqual([]);
    expect(logged({ CI: 'true' }, 'dev')).toEqual([]);
    expect(logged({ CI: 'true', SITE_URL: 'https://story.example' })).toEqual([]);
  });

  it('says where it came from when a host gave it', () => {
    expect(logged({ CI: 'true', NETLIFY: 'true', CONTEXT: 'production', URL: 'https://my-story.netlify.app' })).toEqual([
      'info The site’s address is https://my-story.netlify.app (from Netlify’s URL).',
    ]);
  });
});
