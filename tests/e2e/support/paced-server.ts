// A server of a test's own that sends some pages at its own pace (in pieces, with pauses, as a
// phone's network does) and passes every other request to the preview server.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { url } from './env';

/** Sends one page: writes its pieces, waiting between them as it likes. */
export type SendPage = (write: (piece: string) => void) => Promise<void>;

export interface PacedServer {
  /** `http://127.0.0.1:<port>`, the origin to ask the pages of. */
  readonly origin: string;
  close(): Promise<void>;
}

/** A sender that cuts `page` into `count` pieces, `gapMs` apart. */
export function inPieces(page: string, count: number, gapMs: number): SendPage {
  return async (write) => {
    const size = Math.ceil(page.length / count);
    for (let at = 0; at < page.length; at += size) {
      write(page.slice(at, at + size));
      await new Promise((resolve) => setTimeout(resolve, gapMs));
    }
  };
}

async function proxy(path: string, response: ServerResponse): Promise<void> {
  const answer = await fetch(url(path));
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (!['content-encoding', 'content-length', 'transfer-encoding'].includes(name))
      headers[name] = value;
  });
  response.writeHead(answer.status, headers);
  response.end(Buffer.from(await answer.arrayBuffer()));
}

export async function startPacedServer(pages: ReadonlyMap<string, SendPage>): Promise<PacedServer> {
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = request.url ?? '/';
      const send = pages.get(path.split('?')[0] ?? '');
      if (!send) {
        await proxy(path, response);
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      await send((piece) => response.write(piece));
      response.end();
    })().catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
