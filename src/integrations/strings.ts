import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { AstroIntegration } from 'astro';
import { storySchema } from '../core/schema.ts';
import { messagesFor, type Message } from '../shared/i18n/index.ts';

const moduleId = 'virtual:quire/strings';
const resolvedId = `\0${moduleId}`;

/**
 * Gives browser scripts the story's strings as `virtual:quire/strings`: the messages of
 * the story's language (and the author's own `labels`) only, bundled into the scripts that
 * use them, so no page carries the others.
 */
export function strings(contentDir: string): AstroIntegration {
  const storyFile = join(contentDir, 'story.md');
  return {
    name: 'quire:strings',
    hooks: {
      'astro:config:setup': ({ updateConfig, addWatchFile }) => {
        if (existsSync(storyFile)) addWatchFile(storyFile);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'quire:strings',
                resolveId: (id) => (id === moduleId ? resolvedId : null),
                load(id) {
                  if (id !== resolvedId) return null;
                  const { language, labels } = storyLanguage(storyFile);
                  return `export const language = ${JSON.stringify(language)};\nexport const messages = ${JSON.stringify(messagesFor(language, labels))};\n`;
                },
              },
            ],
          },
        });
      },
    },
  };
}

/**
 * The story's language and labels as far as they can be read here; a broken `story.md`
 * is reported by the content collection, with the file and field, not by this helper.
 */
function storyLanguage(storyFile: string): { language: string; labels: Record<string, Message> } {
  try {
    const { frontmatter } = parseFrontmatter(readFileSync(storyFile, 'utf8'));
    const language = typeof frontmatter.language === 'string' ? frontmatter.language : 'en';
    const labels = storySchema.shape.labels.safeParse(frontmatter.labels);
    return { language, labels: labels.success ? labels.data : {} };
  } catch {
    return { language: 'en', labels: {} };
  }
}
