import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/build/env';

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
});
