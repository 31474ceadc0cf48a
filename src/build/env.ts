import { isAbsolute, resolve } from 'node:path';

/** Build settings read from the environment, so tests and benchmarks can build other stories. */
export interface QuireEnv {
  /** Absolute path of the folder that holds `story.md` and `chapters/`. */
  contentDir: string;
  /** Astro `base`: the sub-path the site is served under (`/` at a domain's root). */
  basePath: string;
  /** Astro `site`: the absolute URL of the deployed site, when known. */
  siteUrl: string | undefined;
  /** The build's notion of "now", for scheduled chapters. */
  buildDate: Date;
}

type Env = Record<string, string | undefined>;

/** Reads and validates `CONTENT_DIR`, `BASE_PATH`, `SITE_URL` and `BUILD_DATE`. */
export function readEnv(env: Env = process.env, cwd: string = process.cwd()): QuireEnv {
  const contentDir = env.CONTENT_DIR?.trim() || 'content';
  return {
    contentDir: isAbsolute(contentDir) ? contentDir : resolve(cwd, contentDir),
    basePath: normaliseBase(env.BASE_PATH),
    siteUrl: parseSiteUrl(env.SITE_URL),
    buildDate: parseBuildDate(env.BUILD_DATE),
  };
}

function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (/[?#\s]/.test(trimmed)) {
    throw new Error(`BASE_PATH "${value}" must be a plain path such as /my-story`);
  }
  return trimmed ? `/${trimmed}/` : '/';
}

function parseSiteUrl(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const url = URL.parse(value.trim());
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(`SITE_URL "${value}" must be an absolute http(s) URL such as https://example.org`);
  }
  if (url.pathname !== '/') throw new Error(`SITE_URL "${value}" has a path; put the path in BASE_PATH instead`);
  return url.origin;
}

function parseBuildDate(value: string | undefined): Date {
  if (!value?.trim()) return new Date();
  const date = new Date(value.trim());
  if (Number.isNaN(date.getTime())) {
    throw new Error(`BUILD_DATE "${value}" is not a date; use ISO 8601 such as 2026-01-31`);
  }
  return date;
}
