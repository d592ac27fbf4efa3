import { events, type ShellEventName, type ShellEventSink } from '../../shared/contract/events';

export type ShellEventListener = (name: ShellEventName, payload: unknown) => void;

/**
 * Fans events out to whoever listens: the harness's open event streams (one per page). The
 * Electron shell sends to its windows directly (electron/main/shellEvents.ts). A payload that
 * does not match its schema is a main-side bug: logged and not sent.
 */
export class ShellEventHub {
  private readonly listeners = new Set<ShellEventListener>();

  constructor(private readonly log: (line: string) => void = () => undefined) {}

  readonly publish: ShellEventSink = (name, payload) => {
    const checked = events[name].safeParse(payload);
    if (!checked.success) {
      this.log(`event ${name} not sent: its payload does not match the contract`);
      return;
    }
    for (const listener of [...this.listeners]) listener(name, checked.data);
  };

  subscribe(listener: ShellEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get size(): number {
    return this.listeners.size;
  }
}
