import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NormalizedCredential } from '../../../shared/credential/model';
import { Intake } from '../../../electron/intake/intake';

const intake = new Intake();

/** The credential(s) intake finds in a JSON value or a compact JWS, as the app would see them. */
export async function normalise(input: unknown, name = 'credential.json'): Promise<NormalizedCredential[]> {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  const outcomes = await intake.inspect({ name, bytes: new TextEncoder().encode(text) });
  return outcomes.map((outcome) => {
    if (outcome.outcome !== 'recognised') throw new Error(`intake did not recognise ${name}: ${outcome.reason}`);
    return outcome.credential;
  });
}

export async function normaliseOne(input: unknown, name?: string): Promise<NormalizedCredential> {
  const [first] = await normalise(input, name);
  if (!first) throw new Error('no credential');
  return first;
}

/** A loopback HTTP server answering fixed documents by path (status lists, hosted badges). */
export interface TestServer {
  readonly origin: string;
  readonly requests: string[];
  set(pathName: string, body: unknown, status?: number): void;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const documents = new Map<string, { body: string; status: number }>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '/';
    requests.push(url);
    const found = documents.get(url);
    if (!found) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(found.status, { 'content-type': 'application/json' }).end(found.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    requests,
    set(pathName, body, status = 200) {
      documents.set(pathName, { body: typeof body === 'string' ? body : JSON.stringify(body), status });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
