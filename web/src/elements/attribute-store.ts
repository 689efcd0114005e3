// A ParamStore backed by an element's attributes, so a view written against the URL hash runs
// unchanged inside a custom element. HTML lowercases attribute names, so each camelCase URL key
// is written kebab-case (learningRate → learning-rate, labHidden → lab-hidden), unless the
// element gives it a shorter alias (chainAct → activation). Writes reflect to the attributes; an
// attribute changed from outside (markup, setAttribute, a property) is an external change, as a
// followed link is for the page.

import type { ParamStore } from "../state/param-store.js";

/** The attribute calls the store makes (an HTMLElement has them; tests pass a plain object). */
export interface AttributeHost {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/** URL key → attribute name, for keys whose kebab-case form is not the name an author expects. */
export type AttributeAliases = Readonly<Record<string, string>>;

/** The attribute name of a camelCase URL key: each capital letter becomes "-" + lower case. */
export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The property name of an attribute: the inverse of kebab (learning-rate → learningRate). */
export function camel(attribute: string): string {
  return attribute.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The attribute that holds `key`: its alias if it has one, else kebab(key). */
export function attributeOf(key: string, aliases: AttributeAliases = {}): string {
  return Object.hasOwn(aliases, key) ? (aliases[key] as string) : kebab(key);
}

/** The attributes of `keys`, in order: what an element lists as its observedAttributes. */
export function attributesOf(keys: readonly string[], aliases: AttributeAliases = {}): string[] {
  return keys.map((k) => attributeOf(k, aliases));
}

export class AttributeStore implements ParamStore {
  private readonly byKey: ReadonlyMap<string, string>;
  private readonly byAttribute: ReadonlyMap<string, string>;
  private readonly listeners: (() => void)[] = [];
  /** True while update()/follow() write attributes, so their own callbacks are not "external". */
  private writing = false;
  /** Keys changed from outside since the last delivered change. */
  private pending = new Set<string>();
  private delivered: ReadonlySet<string> = new Set();

  constructor(
    private readonly host: AttributeHost,
    keys: readonly string[],
    aliases: AttributeAliases = {},
  ) {
    for (const key of Object.keys(aliases)) {
      if (!keys.includes(key)) throw new Error(`alias for ${JSON.stringify(key)}, not a key here`);
    }
    this.byKey = new Map(keys.map((k) => [k, attributeOf(k, aliases)]));
    this.byAttribute = new Map(keys.map((k) => [attributeOf(k, aliases), k]));
    if (this.byAttribute.size !== keys.length) {
      throw new Error(`two keys share one attribute: ${attributesOf(keys, aliases).join(", ")}`);
    }
  }

  /** The attributes this store reads and writes. */
  attributes(): string[] {
    return [...this.byAttribute.keys()];
  }

  /** The URL key an attribute holds (null for an attribute the store does not own). */
  keyOf(attribute: string): string | null {
    return this.byAttribute.get(attribute) ?? null;
  }

  /** The attribute holding `key`. */
  attributeOf(key: string): string {
    const attribute = this.byKey.get(key);
    if (attribute === undefined)
      throw new Error(`${JSON.stringify(key)} is not a key of this element`);
    return attribute;
  }

  read(): URLSearchParams {
    const params = new URLSearchParams();
    for (const [key, attribute] of this.byKey) {
      const value = this.host.getAttribute(attribute);
      if (value !== null) params.set(key, value);
    }
    return params;
  }

  update(change: (params: URLSearchParams) => void): void {
    const params = this.read();
    change(params);
    this.write(params);
  }

  follow(hash: string): void {
    const params = new URLSearchParams(hash.replace(/^#/, ""));
    this.write(params);
    this.delivered = new Set(params.keys());
    this.notify();
  }

  onExternalChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /**
   * Called from the element's attributeChangedCallback. Several attributes set in one task (a
   * script setting three of them) make one external change, delivered in a microtask. True when
   * the change is external (not the store's own write, a changed value, an attribute it owns).
   */
  attributeChanged(attribute: string, oldValue: string | null, newValue: string | null): boolean {
    const key = this.byAttribute.get(attribute);
    if (this.writing || oldValue === newValue || key === undefined) return false;
    if (this.pending.size === 0) {
      queueMicrotask(() => {
        this.delivered = this.pending;
        this.pending = new Set();
        this.notify();
      });
    }
    this.pending.add(key);
    return true;
  }

  /** The keys whose attributes changed in the latest external change (while it is delivered). */
  changedKeys(): ReadonlySet<string> {
    return this.delivered;
  }

  /**
   * A problem line from a view, with a leading URL key ("chainAct: …") named as the author wrote
   * it ("activation: …"); other lines unchanged.
   */
  describe(problem: string): string {
    const match = /^([A-Za-z][A-Za-z0-9]*):/.exec(problem);
    const key = match?.[1];
    const attribute = key === undefined ? undefined : this.byKey.get(key);
    return attribute === undefined ? problem : attribute + problem.slice(key?.length ?? 0);
  }

  private write(params: URLSearchParams): void {
    for (const key of params.keys()) this.attributeOf(key); // throws on a key the element lacks
    this.writing = true;
    try {
      for (const [key, attribute] of this.byKey) {
        const value = params.get(key);
        if (value === null) {
          if (this.host.getAttribute(attribute) !== null) this.host.removeAttribute(attribute);
        } else if (this.host.getAttribute(attribute) !== value) {
          this.host.setAttribute(attribute, value);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
