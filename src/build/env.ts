import { isAbsolute, resolve } from 'node:path';
import { parseDate } from '../core/dates.ts';

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
  /** Where the site is written (`OUT_DIR`, tests and benchmarks build side by side), if not Astro's `dist/`. */
  outDir: string | undefined;
  /** Astro's cache folder, kept between builds: the content layer's store and Quire's rendered chapters. */
  cacheDir: string;
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
    outDir: env.OUT_DIR?.trim() ? resolve(cwd, env.OUT_DIR.trim()) : undefined,
    cacheDir: env.OUT_DIR?.trim() ? `${resolve(cwd, env.OUT_DIR.trim())}-cache` : resolve(cwd, 'node_modules/.astro'),
  };
}

/** One folder name in a URL path: letters, digits and `-._~`, and not `.` or `..`. */
const pathSegment = /^(?!\.{1,2}$)[A-Za-z0-9._~-]+$/;

function normaliseBase(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  const segments = trimmed.split('/');
  if (!segments.every((segment) => pathSegment.test(segment))) {
    throw new Error(
      `BASE_PATH "${value}" must be a path of plain folder names (letters, digits, - . _ ~) such as /my-story or /stories/little-meg`,
    );
  }
  return `/${segments.join('/')}/`;
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
  const date = parseDate(value);
  if (!date) throw new Error(`BUILD_DATE "${value}" is not a date on the calendar; write it as 2026-01-31 (optionally with a time)`);
  return date;
}
