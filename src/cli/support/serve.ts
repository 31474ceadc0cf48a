import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running static server on 127.0.0.1. */
export interface StaticServer {
  /** The site's address, base path included, e.g. `http://127.0.0.1:4567/quire/`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a built site the way a static host does: `dir/` is mounted at `basePath`,
 * `/x/` serves `x/index.html`, and unknown paths get `404.html` with status 404. On `port`
 * when given (the same site address again, as after a new release), else any free one.
 */
export async function serveStatic(dir: string, basePath = '/', port = 0): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    // The request's path as given: `//x` is a path here, not a host (as `new URL('//x', base)` would read it).
    let path: string;
    try {
      path = decodeURIComponent(new URL(`http://localhost${request.url ?? '/'}`).pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const send = async (file: string, status = 200) => {
      const stream = createReadStream(file);
      stream.once('open', () => {
        response.writeHead(status, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
        stream.pipe(response);
      });
      // A file gone between the look and the read (a site replaced while served, a missing
      // 404.html) is a failed request, not a crashed server.
      stream.once('error', () => (response.headersSent ? response.destroy() : response.writeHead(404).end()));
    };
    if (!path.startsWith(basePath)) return send(join(dir, '404.html'), 404);
    let file = normalize(join(dir, path.slice(basePath.length)));
    if (!file.startsWith(dir)) return send(join(dir, '404.html'), 404);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
      return send(file);
    } catch {
      return send(join(dir, '404.html'), 404);
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}${basePath}`,
    // Gone at once, as a host that stops serving: open (kept-alive) connections too.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
