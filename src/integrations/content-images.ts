import { extname, join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { imageTypes, pictureFiles } from '../source/content-files.ts';
import { resolvedId, virtualModule } from './virtual-module.ts';

const moduleId = 'virtual:quire/images';

/**
 * Makes the pictures in the content folder available to pages as `virtual:quire/images`: each
 * file imported, so Astro's image pipeline knows its size and can optimise it (`getImage`),
 * keyed by its path in the content folder (`images/lake.jpg`).
 */
export function contentImages(contentDir: string): AstroIntegration {
  return {
    name: 'quire:content-images',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              virtualModule(
                moduleId,
                () => {
                  const files = pictureFiles(contentDir);
                  const imports = files.map((file, i) => `import image${i} from ${JSON.stringify(join(contentDir, file))};`);
                  const entries = files.map((file, i) => `  ${JSON.stringify(file)}: image${i},`);
                  return `${imports.join('\n')}\nexport const images = {\n${entries.join('\n')}\n};\n`;
                },
                {
                  configureServer(server) {
                    // A picture added or removed while `npm run dev` runs is there on the next page.
                    const update = (path: string) => {
                      if (!path.startsWith(contentDir) || !(extname(path).toLowerCase() in imageTypes)) return;
                      const module = server.environments.ssr.moduleGraph.getModuleById(resolvedId(moduleId));
                      if (module) server.environments.ssr.moduleGraph.invalidateModule(module);
                    };
                    server.watcher.on('add', update);
                    server.watcher.on('unlink', update);
                  },
                },
              ),
            ],
          },
        });
      },
    },
  };
}
