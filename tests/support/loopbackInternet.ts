// A loopback internet for tests: one HTTPS server on 127.0.0.1 that answers for any number of
// host names (issuer.example, badges.example.org, ...), each with its own certificate signed by
// a certificate authority made here, in the test (@peculiar/x509 over WebCrypto). The app's real
// safe fetcher reaches it through `testNetwork`, the tests-only option that maps those names to
// this port and trusts this CA; without it, production code keeps refusing loopback and http.
//
// Answers are set per host and path: JSON, bytes, any status, a delay (slow servers), no
// Content-Length (a body that streams past the size cap), or a hang. The server counts requests
// and the most in flight at once per host, which is what a per-host limit is checked against.
// @peculiar/x509 resolves its parts through tsyringe, which needs the Reflect metadata API first.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { AddressInfo } from 'node:net';
import * as x509 from '@peculiar/x509';
import type { TestNetwork } from '../../electron/verify/safeFetch';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface LoopbackAnswer {
  readonly status?: number;
  /** A string, bytes, or a value sent as JSON. */
  readonly body?: string | Uint8Array | object;
  readonly contentType?: string;
  /** Milliseconds before answering (a slow server). */
  readonly delayMs?: number;
  /** Send without Content-Length, in chunks: the size cap must stop it while it streams. */
  readonly streamed?: boolean;
  /** Never answer (the client's timeout must end it). */
  readonly hang?: boolean; /** Extra response headers (a browser test's CORS header). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** What a route function is told: method, headers and body too, for protocol servers (OpenID4VCI, VC-API). */
export interface LoopbackRequest {
  readonly host: string;
  readonly path: string;
  readonly method: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export type LoopbackRoute = LoopbackAnswer | ((request: LoopbackRequest) => LoopbackAnswer | Promise<LoopbackAnswer>);

export interface HostStats {
  requests: number;
  inFlight: number;
  maxInFlight: number;
  paths: string[];
}

function pem(label: string, der: ArrayBuffer): string {
  const base64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${base64.trim()}\n-----END ${label}-----\n`;
}

function keys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    request.on('error', reject);
  });
}

export class LoopbackInternet {
  private readonly routes = new Map<string, Map<string, LoopbackRoute>>();
  private readonly contexts = new Map<string, Promise<SecureContext>>();
  private readonly stats = new Map<string, HostStats>();
  private readonly hosts: Map<string, number>;
  private readonly open = new Set<ServerResponse>();
  /** Added to every answer of a host (ms), unless the answer sets its own delay. */
  readonly hostDelays = new Map<string, number>();

  /** What the safe fetcher is given in tests: these names on this port, this CA trusted. */
  readonly testNetwork: TestNetwork;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    readonly ca: string,
    private readonly caKeys: CryptoKeyPair,
    private readonly caCert: x509.X509Certificate,
  ) {
    this.hosts = new Map();
    this.testNetwork = { resolve: this.hosts, ca };
  }

  static async start(): Promise<LoopbackInternet> {
    const caKeys = await keys();
    const now = Date.now();
    const caCert = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name: 'CN=Badgefolio loopback test CA',
      notBefore: new Date(now - 60_000),
      notAfter: new Date(now + 24 * 3600_000),
      keys: caKeys,
      signingAlgorithm: algorithm,
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
      ],
    });
    const ca = caCert.toString('pem');
    // The handlers need the instance, which needs the listening server: filled in below.
    const started: { internet?: LoopbackInternet } = {};
    const server = createServer(
      {
        // The certificate is chosen by the name the client asks for (SNI), made on first use.
        SNICallback: (servername, callback) => {
          const internet = started.internet;
          if (!internet) {
            callback(new Error('not ready'));
            return;
          }
          internet.contextFor(servername).then(
            (context) => {
              callback(null, context);
            },
            (error: unknown) => {
              callback(error instanceof Error ? error : new Error(String(error)));
            },
          );
        },
      },
      (request, response) => {
        void started.internet?.answer(request, response);
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const internet = new LoopbackInternet(server, (server.address() as AddressInfo).port, ca, caKeys, caCert);
    started.internet = internet;
    return internet;
  }

  /** Makes a name (or `name:port`, as a did:web with %3A names it) resolve to this server. */
  addHost(host: string): this {
    this.hosts.set(host.toLowerCase(), this.port);
    return this;
  }

  /** Sets the answer at a full https URL (its host is added). */
  serve(url: string, route: LoopbackRoute): this {
    const parsed = new URL(url);
    this.addHost(parsed.host);
    const host = parsed.hostname.toLowerCase();
    let paths = this.routes.get(host);
    if (!paths) {
      paths = new Map();
      this.routes.set(host, paths);
    }
    paths.set(parsed.pathname + parsed.search, route);
    return this;
  }

  /** JSON documents by URL, as the credential factory gives them (`documents`). */
  serveDocuments(documents: Readonly<Record<string, unknown>>, extra: Omit<LoopbackAnswer, 'body'> = {}): this {
    for (const [url, body] of Object.entries(documents)) this.serve(url, { ...extra, body: body as object });
    return this;
  }

  statsFor(host: string): HostStats {
    let stats = this.stats.get(host);
    if (!stats) {
      stats = { requests: 0, inFlight: 0, maxInFlight: 0, paths: [] };
      this.stats.set(host, stats);
    }
    return stats;
  }

  get totalRequests(): number {
    return [...this.stats.values()].reduce((sum, s) => sum + s.requests, 0);
  }

  resetStats(): void {
    this.stats.clear();
  }

  private contextFor(servername: string): Promise<SecureContext> {
    const name = servername.toLowerCase();
    let context = this.contexts.get(name);
    if (!context) {
      context = this.makeContext(name);
      this.contexts.set(name, context);
    }
    return context;
  }

  private async makeContext(host: string): Promise<SecureContext> {
    const leafKeys = await keys();
    const now = Date.now();
    const leaf = await x509.X509CertificateGenerator.create({
      serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(8)))
        .toString('hex')
        .replace(/^[89a-f]/, '1'),
      subject: `CN=${host}`,
      issuer: this.caCert.subject,
      notBefore: new Date(now - 60_000),
      notAfter: new Date(now + 24 * 3600_000),
      signingKey: this.caKeys.privateKey,
      publicKey: leafKeys.publicKey,
      signingAlgorithm: algorithm,
      extensions: [
        new x509.BasicConstraintsExtension(false),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: host }]),
        await x509.AuthorityKeyIdentifierExtension.create(this.caKeys.publicKey),
      ],
    });
    const key = pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', leafKeys.privateKey));
    return createSecureContext({ key, cert: leaf.toString('pem') });
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = request.url ?? '/';
    const stats = this.statsFor(host);
    stats.requests++;
    stats.inFlight++;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    stats.paths.push(path);
    this.open.add(response);
    // In flight from arrival until the server answers (or the connection ends): counted down
    // just before the last byte is sent, since the client may ask again the moment it has it.
    let answered = false;
    const done = (): void => {
      if (answered) return;
      answered = true;
      stats.inFlight--;
    };
    response.on('close', () => {
      done();
      this.open.delete(response);
    });
    const route = this.routes.get(host)?.get(path) ?? this.routes.get(host)?.get(path.replace(/\?.*$/, ''));
    let answer: LoopbackAnswer;
    try {
      const body = typeof route === 'function' ? await readBody(request) : '';
      answer =
        route === undefined
          ? { status: 404, body: { error: 'not found' } }
          : typeof route === 'function'
            ? await route({ host, path, method: request.method ?? 'GET', headers: request.headers, body })
            : route;
    } catch {
      answer = { status: 500, body: 'handler failed' };
    }
    if (answer.hang) return;
    const delay = answer.delayMs ?? this.hostDelays.get(host) ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (response.destroyed) return;
    const body =
      answer.body === undefined
        ? Buffer.alloc(0)
        : typeof answer.body === 'string'
          ? Buffer.from(answer.body)
          : answer.body instanceof Uint8Array
            ? Buffer.from(answer.body)
            : Buffer.from(JSON.stringify(answer.body));
    const contentType =
      answer.contentType ?? (answer.body instanceof Uint8Array ? 'application/octet-stream' : typeof answer.body === 'string' ? 'text/plain' : 'application/ld+json');
    if (answer.streamed) {
      response.writeHead(answer.status ?? 200, { ...answer.headers, 'content-type': contentType });
      const gone = (): boolean => response.destroyed;
      for (let at = 0; at < body.length && !gone(); at += 64 * 1024) {
        response.write(body.subarray(at, at + 64 * 1024));
        await new Promise((resolve) => setImmediate(resolve));
      }
      done();
      response.end();
      return;
    }
    response.writeHead(answer.status ?? 200, { ...answer.headers, 'content-type': contentType, 'content-length': String(body.length) });
    done();
    response.end(body);
  }

  async close(): Promise<void> {
    for (const response of this.open) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}
