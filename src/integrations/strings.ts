import { existsSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { storyBasics, storyFile as storyFileIn } from '../source/content-files.ts';
import { interfaceLanguage, messagesFor, ownKeys } from '../shared/i18n/index.ts';
import { virtualModule } from './virtual-module.ts';

const moduleId = 'virtual:quire/strings';

/**
 * Gives browser scripts the story's strings as `virtual:quire/strings`: the messages of
 * the story's language (and the author's own `labels`) only, bundled into the scripts that
 * use them, so no page carries the others.
 */
export function strings(contentDir: string): AstroIntegration {
  const storyFile = storyFileIn(contentDir);
  return {
    name: 'quire:strings',
    hooks: {
      'astro:config:setup': ({ updateConfig, addWatchFile }) => {
        if (existsSync(storyFile)) addWatchFile(storyFile);
        updateConfig({
          vite: {
            plugins: [
              virtualModule(moduleId, () => {
                const { language, labels } = storyBasics(contentDir);
                return [
                  `export const language = ${JSON.stringify(language)};`,
                  `export const wording = ${JSON.stringify(interfaceLanguage(language))};`,
                  `export const messages = ${JSON.stringify(messagesFor(language, labels))};`,
                  `export const own = ${JSON.stringify(ownKeys(labels))};`,
                ].join('\n');
              }),
            ],
          },
        });
      },
    },
  };
}
