import { getViteConfig } from 'astro/config';

/** Component tests render .astro files through Astro's own Vite setup (the Container API). */
export default getViteConfig({
  test: {
    name: 'components',
    include: ['tests/components/**/*.test.ts'],
    sequence: { groupOrder: 0 },
  },
});
