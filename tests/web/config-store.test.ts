// <gradscope-playground>'s store (web/src/elements/config-store.ts): the playground's key=value
// pairs live in one attribute's text, written back readably; a followed link is one change.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigStore, type KeyStore } from "../../web/src/elements/config-store.js";

/** An attribute store over plain attributes; `external(...)` plays a change from the markup. */
function fakeAttributes(initial: Record<string, string>) {
  const attrs = new Map(Object.entries(initial));
  const listeners: (() => void)[] = [];
  const store: KeyStore = {
    read: () => new URLSearchParams([...attrs]),
    update(change) {
      const p = new URLSearchParams([...attrs]);
      change(p);
      attrs.clear();
      for (const [k, v] of p) attrs.set(k, v);
    },
    follow: () => assert.fail("the config store never follows on the attribute store"),
    onExternalChange: (l) => listeners.push(l),
  };
  const external = (key: string, value: string) => {
    attrs.set(key, value);
    for (const l of listeners) l();
  };
  return { attrs, store, external };
}

test("reads config as a hash, also with a pasted '#'", () => {
  const { store } = fakeAttributes({ config: "#dataset=spiral&hidden=8,8" });
  const config = new ConfigStore(store);
  assert.equal(config.read().get("dataset"), "spiral");
  assert.equal(config.read().get("hidden"), "8,8");
  assert.deepEqual([...new ConfigStore(fakeAttributes({}).store).read()], []);
});

test("updates write the attribute readably and call no listener; removing all drops it", () => {
  const { attrs, store } = fakeAttributes({ config: "dataset=xor" });
  const config = new ConfigStore(store);
  let heard = 0;
  config.onExternalChange(() => heard++);
  config.update((p) => {
    p.set("hidden", "6,6");
    p.set("sample", "train:12");
  });
  assert.equal(attrs.get("config"), "dataset=xor&hidden=6,6&sample=train:12");
  assert.equal(heard, 0);
  config.update((p) => {
    for (const k of [...p.keys()]) p.delete(k);
  });
  assert.equal(attrs.has("config"), false);
});

test("a change of the attribute from outside and a followed link reach the listeners once", () => {
  const { attrs, store, external } = fakeAttributes({ config: "dataset=xor" });
  const config = new ConfigStore(store);
  let heard = 0;
  config.onExternalChange(() => heard++);
  external("config", "dataset=circle");
  assert.equal(heard, 1);
  config.follow("#dataset=spiral&steps=200");
  assert.equal(attrs.get("config"), "dataset=spiral&steps=200");
  assert.equal(heard, 2);
  // The same link again changes nothing (a view that follows on every read cannot loop).
  config.follow("#dataset=spiral&steps=200");
  assert.equal(heard, 2);
});
