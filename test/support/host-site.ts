import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A service provider's site on its own port (another origin): a hostile page that embeds the widget
 * with the data attributes given in its query string.
 */
export class HostSite {
  private server: Server | null = null;
  origin = '';

  constructor(private readonly chatServer: () => string) {}

  async start(): Promise<string> {
    const page = readFileSync(new URL('../fixtures/host/hostile.html', import.meta.url), 'utf8');
    this.server = createServer((req, res) => {
      const query = new URL(req.url ?? '/', 'http://x').searchParams;
      const attributes = [...query]
        .filter(([name]) => /^[a-z]+$/.test(name))
        .map(([name, value]) => ` data-${name}="${value.replace(/[^\p{L}\p{N}#\-]/gu, '')}"`)
        .join('');
      const tag = `<script src="${this.chatServer()}/widget.js"${attributes} async></script>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page.replace('{{WIDGET}}', tag));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.origin;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
