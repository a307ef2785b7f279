/** `PropertiesService`, with Apps Script's size limits: 9 KB a value, 500 KB a store. */
import type { Env } from './env.js';

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

type GProps = GoogleAppsScript.Properties.Properties;

export class EmuProperties implements Pick<
  GProps,
  | 'getProperty'
  | 'setProperty'
  | 'getProperties'
  | 'setProperties'
  | 'deleteProperty'
  | 'deleteAllProperties'
  | 'getKeys'
> {
  constructor(
    private readonly env: Env,
    readonly store: Map<string, string>,
  ) {}

  private chain(): GProps {
    return this as unknown as GProps;
  }

  private size(entries: Iterable<[string, string]>): number {
    let n = 0;
    for (const [k, v] of entries) n += Buffer.byteLength(k) + Buffer.byteLength(v);
    return n;
  }

  private checkedWrite(next: Map<string, string>): void {
    for (const [k, v] of next) {
      if (
        Buffer.byteLength(v) > PROPERTY_VALUE_LIMIT ||
        Buffer.byteLength(k) > PROPERTY_VALUE_LIMIT
      ) {
        throw this.env.fail(`Argument too large: value`);
      }
    }
    if (this.size(next) > PROPERTY_STORE_LIMIT) {
      throw this.env.fail(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
  }

  getProperty(key: string): string | null {
    this.env.record('Properties.getProperty');
    return this.store.get(key) ?? null;
  }

  setProperty(key: string, value: string): GProps {
    this.env.record('Properties.setProperty');
    const next = new Map(this.store);
    next.set(String(key), String(value));
    this.checkedWrite(next);
    return this.chain();
  }

  getProperties(): { [key: string]: string } {
    this.env.record('Properties.getProperties');
    return Object.fromEntries(this.store);
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GProps {
    this.env.record('Properties.setProperties');
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    this.checkedWrite(next);
    return this.chain();
  }

  deleteProperty(key: string): GProps {
    this.env.record('Properties.deleteProperty');
    this.store.delete(key);
    return this.chain();
  }

  deleteAllProperties(): GProps {
    this.env.record('Properties.deleteAllProperties');
    this.store.clear();
    return this.chain();
  }

  getKeys(): string[] {
    this.env.record('Properties.getKeys');
    return [...this.store.keys()];
  }
}

export interface PropertyStores {
  document: Map<string, string>;
  user: Map<string, string>;
  script: Map<string, string>;
}

/**
 * Every property store of the runtime. Script properties belong to a script project, user
 * properties to a (project, user) pair and document properties to a (project, document) pair: a
 * bound script and the published add-on are two projects, so neither sees the other's stores.
 */
export class PropertyStoreTable {
  readonly document = new Map<string, Map<string, string>>();
  readonly user = new Map<string, Map<string, string>>();
  readonly script = new Map<string, Map<string, string>>();

  private static of(table: Map<string, Map<string, string>>, key: string): Map<string, string> {
    let store = table.get(key);
    if (!store) {
      store = new Map();
      table.set(key, store);
    }
    return store;
  }

  static key(...parts: string[]): string {
    return parts.join('\u0000');
  }

  documentStore(project: string, documentId: string): Map<string, string> {
    return PropertyStoreTable.of(this.document, PropertyStoreTable.key(project, documentId));
  }

  userStore(project: string, user: string): Map<string, string> {
    return PropertyStoreTable.of(this.user, PropertyStoreTable.key(project, user));
  }

  scriptStore(project: string): Map<string, string> {
    return PropertyStoreTable.of(this.script, project);
  }
}

export class EmuPropertiesService {
  constructor(
    private readonly env: Env,
    private readonly stores: PropertyStoreTable,
  ) {}

  private open(store: Map<string, string>): GProps {
    return new EmuProperties(this.env, store) as unknown as GProps;
  }

  private enter(method: string): void {
    this.env.record(`PropertiesService.${method}`);
    this.env.requireAuth(`PropertiesService.${method}`);
  }

  /** Null in an execution with no document, as the reference says. */
  getDocumentProperties(): GProps {
    this.enter('getDocumentProperties');
    const doc = this.env.documentId;
    if (doc === null) return null as unknown as GProps;
    return this.open(this.stores.documentStore(this.env.project, doc));
  }

  getUserProperties(): GProps {
    this.enter('getUserProperties');
    return this.open(this.stores.userStore(this.env.project, this.env.user));
  }

  getScriptProperties(): GProps {
    this.enter('getScriptProperties');
    return this.open(this.stores.scriptStore(this.env.project));
  }
}
