// The bench's issuers: the loopback internet in a process of its own, so that its TLS and its
// answers never run on the event loop whose holds the bench measures (the app's main thread).
// Messages: { documents, delayMs } to start (answers { port, ca, hosts }), 'stats', 'reset'.
import { LoopbackInternet, type HostStats } from '../support/loopbackInternet';

interface Start {
  readonly documents: Readonly<Record<string, unknown>>;
  readonly delayMs: number;
}

let net: LoopbackInternet | undefined;

process.on('message', (message: Start | 'stats' | 'reset' | 'close') => {
  void (async () => {
    if (message === 'stats') {
      const hosts = [...(net?.testNetwork.resolve.keys() ?? [])];
      const stats: Record<string, HostStats> = {};
      for (const host of hosts) stats[host] = net?.statsFor(host) ?? { requests: 0, inFlight: 0, maxInFlight: 0, paths: [] };
      process.send?.({ stats });
    } else if (message === 'reset') {
      net?.resetStats();
      process.send?.({ reset: true });
    } else if (message === 'close') {
      await net?.close();
      process.exit(0);
    } else {
      net = await LoopbackInternet.start();
      net.serveDocuments(message.documents, { delayMs: message.delayMs });
      process.send?.({ port: net.port, ca: net.ca, hosts: [...net.testNetwork.resolve.keys()] });
    }
  })();
});
