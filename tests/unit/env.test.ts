import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/source/env';

describe('readEnv', () => {
  it('defaults to content/ at the root of a domain', () => {
    const env = readEnv({}, '/project');
    expect(env.contentDir).toBe('/project/content');
    expect(env.basePath).toBe('/');
    expect(env.siteUrl).toBeUndefined();
  });

  it('normalises BASE_PATH to /path/', () => {
    expect(readEnv({ BASE_PATH: 'quire' }).basePath).toBe('/quire/');
    expect(readEnv({ BASE_PATH: '/quire/' }).basePath).toBe('/quire/');
  });

  it('reads BUILD_DATE and rejects a date that is not one, or not on the calendar', () => {
    expect(readEnv({ BUILD_DATE: '2026-01-31' }).buildDate.toISOString()).toBe('2026-01-31T00:00:00.000Z');
    for (const value of ['soon', '2026-02-30', '99999'])
      expect(() => readEnv({ BUILD_DATE: value })).toThrow(`BUILD_DATE "${value}" is not a date`);
  });

  it('rejects a BASE_PATH that could leave the site or is not a plain path', () => {
    expect(readEnv({ BASE_PATH: 'stories/little-meg' }).basePath).toBe('/stories/little-meg/');
    for (const value of ['..', '/a/../b', '\\evil.example', 'a//b', 'my story', '?x', '%2e%2e']) {
      expect(() => readEnv({ BASE_PATH: value }), value).toThrow(/BASE_PATH .* must be a path of plain folder names/);
    }
  });

  it('rejects a SITE_URL that is not an absolute URL, or has a path', () => {
    expect(readEnv({ SITE_URL: 'https://example.org/' }).siteUrl).toBe('https://example.org');
    expect(() => readEnv({ SITE_URL: 'example.org' })).toThrow(/SITE_URL/);
    expect(() => readEnv({ SITE_URL: 'https://example.org/story' })).toThrow(/BASE_PATH/);
  });

  it('takes the site’s address from the host when SITE_URL is not set, and says which', () => {
    const site = (env: Record<string, string>) => {
      const { siteUrl, siteUrlFrom } = readEnv(env);
      return [siteUrl, siteUrlFrom];
    };
    expect(
      site({
        NETLIFY: 'true',
        CONTEXT: 'production',
        URL: 'https://my-story.netlify.app',
        DEPLOY_PRIME_URL: 'https://main--my-story.netlify.app',
      }),
    ).toEqual(['https://my-story.netlify.app', 'Netlify’s URL']);
    expect(
      site({
        NETLIFY: 'true',
        CONTEXT: 'deploy-preview',
        URL: 'https://my-story.netlify.app',
        DEPLOY_PRIME_URL: 'https://deploy-preview-3--my-story.netlify.app',
      }),
    ).toEqual(['https://deploy-preview-3--my-story.netlify.app', 'Netlify’s DEPLOY_PRIME_URL']);
    expect(site({ CF_PAGES: '1', CF_PAGES_URL: 'https://4c2a.my-story.pages.dev' })).toEqual([
      'https://4c2a.my-story.pages.dev',
      'Cloudflare Pages’ CF_PAGES_URL',
    ]);
    expect(site({ VERCEL: '1', VERCEL_PROJECT_PRODUCTION_URL: 'my-story.vercel.app' })).toEqual([
      'https://my-story.vercel.app',
      'Vercel’s VERCEL_PROJECT_PRODUCTION_URL',
    ]);
    // The author's own setting wins; another service's variable alone means nothing.
    expect(site({ SITE_URL: 'https://story.example', NETLIFY: 'true', URL: 'https://x.netlify.app' })).toEqual([
      'https://story.example',
      'SITE_URL',
    ]);
    expect(site({ URL: 'https://unrelated.example', CF_PAGES_URL: 'https://x.pages.dev' })).toEqual([undefined, undefined]);
  });

  it('names the host’s variable when its address is unusable', () => {
    expect(() => readEnv({ NETLIFY: 'true', CONTEXT: 'production', URL: 'my-story' })).toThrow(
      /^Netlify’s URL "my-story" must be an absolute/,
    );
  });

  it('knows a CI build by CI, as every CI service and host sets it', () => {
    expect(readEnv({ CI: 'true' }).ci).toBe(true);
    expect(readEnv({ CI: '1' }).ci).toBe(true);
    expect(readEnv({ CI: 'false' }).ci).toBe(false);
    expect(readEnv({}).ci).toBe(false);
  });

  describe('an output folder the build would delete the story with', () => {
    const project = mkdtempSync(join(tmpdir(), 'quire-env-'));
    mkdirSync(join(project, 'content', 'chapters'), { recursive: true });
    mkdirSync(join(project, 'src'));
    mkdirSync(join(project, 'notes'));
    writeFileSync(join(project, 'notes', 'todo.txt'), 'mine');
    afterAll(() => rmSync(project, { recursive: true, force: true }));
    const outDir =
      (OUT_DIR: string, CONTENT_DIR = 'content') =>
      () =>
        readEnv({ OUT_DIR, CONTENT_DIR }, project);

    it('is refused when it is, holds or lies inside the content folder', () => {
      for (const dir of ['content', 'content/chapters', '.'])
        expect(outDir(dir), dir).toThrow(/is, holds or lies inside the story|is or holds the project/);
      expect(outDir('site', 'site/story')).toThrow(/is, holds or lies inside the story/);
    });

    it('is refused when it is or holds the project, or one of its folders', () => {
      expect(outDir('..')).toThrow(/holds or lies inside the story|is or holds the project/);
      expect(outDir('src')).toThrow(/the project's src\//);
      expect(outDir('node_modules')).toThrow(/the project's node_modules\//);
      expect(outDir('src/site')).toThrow(/the project's src\//);
    });

    it('is refused when its path begins with the project’s beside it (a build there cannot find the project’s packages), naming another', () => {
      expect(outDir(`${project}-site`)).toThrow(
        new RegExp(
          `^OUT_DIR "${project}-site" begins with the project's own path \\(${project}\\).*such as ${join(tmpdir(), `site-${basename(project)}`)}, or use dist$`,
        ),
      );
      expect(readEnv({ OUT_DIR: join(tmpdir(), `site-${basename(project)}`) }, project).outDir).toBe(
        join(tmpdir(), `site-${basename(project)}`),
      );
    });

    it('is refused when it holds files that are not a site built before', () => {
      expect(outDir('notes')).toThrow(/holds files that are not a site Quire built/);
    });

    it('is taken when it is new, empty or a site built before', () => {
      mkdirSync(join(project, 'old-site', '_astro'), { recursive: true });
      writeFileSync(join(project, 'old-site', 'index.html'), '<!DOCTYPE html>');
      for (const dir of ['dist', 'build/site', 'old-site']) expect(readEnv({ OUT_DIR: dir }, project).outDir).toBe(join(project, dir));
    });

    it('is named in a message without a stack trace', () => {
      try {
        outDir('content')();
        expect.unreachable();
      } catch (error) {
        expect((error as Error).stack).toBe('');
        expect((error as Error).message).toMatch(
          /^OUT_DIR ".*content" is, holds or lies inside the story \(CONTENT_DIR\); every build replaces that folder whole\. Set OUT_DIR to a folder of its own, such as dist$/,
        );
      }
    });
  });
});
