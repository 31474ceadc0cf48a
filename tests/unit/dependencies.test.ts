import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
const declared = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})]);

/** The project's own source files: the site, its tests and its configuration. */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(?:ts|mts|astro)$/.test(entry.name) && !entry.parentPath.includes('fixtures'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * The package a bare specifier names (`@astrojs/sitemap`, `hast-util-to-string`), or undefined for
 * a path, Node's own modules and a prefixed one (`node:`, `astro:content`, `virtual:`, our `lazy:`).
 */
function packageOf(specifier: string): string | undefined {
  if (/^(?:\.|\/|[\w-]+:)/.test(specifier) || builtinModules.includes(specifier.split('/')[0]!)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('the packages the code imports', () => {
  it('are each declared in package.json, not there only as another package’s dependency', () => {
    const files = [...sources('src'), ...sources('tests'), join(root, 'astro.config.ts')];
    const undeclared = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(
        /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?\bfrom\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
      )) {
        const name = packageOf(match[1] ?? match[2]!);
        // Types alone (`import type { Root } from 'hast'`) come from the package's @types.
        if (name && !declared.has(name) && !declared.has(`@types/${name}`)) undeclared.add(`${name} (${file.slice(root.length + 1)})`);
      }
    }
    expect(files.length).toBeGreaterThan(100);
    expect([...undeclared]).toEqual([]);
  });
});
