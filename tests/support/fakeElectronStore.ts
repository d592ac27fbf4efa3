/** Stand-in for electron-store (which needs a running Electron): an in-memory store. */
export default class FakeElectronStore {
  static instances: FakeElectronStore[] = [];
  private data: Record<string, unknown>;
  constructor(readonly options: { defaults?: Record<string, unknown> }) {
    this.data = { ...(options.defaults ?? {}) };
    FakeElectronStore.instances.push(this);
  }
  get store(): Record<string, unknown> {
    return { ...this.data };
  }
  set(values: Record<string, unknown>): void {
    this.data = { ...this.data, ...values };
  }
}
