// The elements' attribute-backed ParamStore (web/src/elements/attribute-store.ts): the one
// camelCase → kebab-case mapping, aliases, reflection without echo, batching of external changes,
// and problem lines named by attribute.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  attributeOf,
  AttributeStore,
  camel,
  kebab,
  type AttributeHost,
} from "../../web/src/elements/attribute-store.js";

/** A stand-in element: attributes in a map, and the attributeChangedCallback a browser makes. */
class FakeElement implements AttributeHost {
  readonly attributes = new Map<string, string>();
  store: AttributeStore | null = null;
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string): void {
    const old = this.getAttribute(name);
    this.attributes.set(name, value);
    this.store?.attributeChanged(name, old, value);
  }
  removeAttribute(name: string): void {
    const old = this.getAttribute(name);
    this.attributes.delete(name);
    this.store?.attributeChanged(name, old, null);
  }
}

function storeOn(keys: string[], aliases: Record<string, string> = {}) {
  const el = new FakeElement();
  const store = new AttributeStore(el, keys, aliases);
  el.store = store;
  return { el, store };
}

const microtask = () => new Promise<void>((ok) => queueMicrotask(ok));

test("kebab: every capital becomes '-' + lower case, and camel undoes it", () => {
  const cases: [string, string][] = [
    ["learningRate", "learning-rate"],
    ["labHidden", "lab-hidden"],
    ["labL2", "lab-l2"],
    ["dataset", "dataset"],
    ["sampleX", "sample-x"],
  ];
  for (const [key, attribute] of cases) {
    assert.equal(kebab(key), attribute);
    assert.equal(camel(attribute), key);
  }
  assert.equal(attributeOf("chainAct", { chainAct: "activation" }), "activation");
  assert.equal(attributeOf("chainCost", { chainAct: "activation" }), "chain-cost");
});

test("read: the attributes of the store's keys, under their URL keys; others ignored", () => {
  const { el, store } = storeOn(["learningRate", "chainAct"], { chainAct: "activation" });
  el.attributes.set("learning-rate", "0.03");
  el.attributes.set("activation", "tanh");
  el.attributes.set("class", "wide");
  assert.equal(store.read().toString(), "learningRate=0.03&chainAct=tanh");
  assert.deepEqual(store.attributes(), ["learning-rate", "activation"]);
  assert.equal(store.keyOf("activation"), "chainAct");
  assert.equal(store.keyOf("class"), null);
});

test("update: reflects to the attributes, removes deleted keys, and is not an external change", async () => {
  const { el, store } = storeOn(["labHidden", "labRate"]);
  let external = 0;
  store.onExternalChange(() => external++);
  el.attributes.set("lab-rate", "0.1");
  store.update((p) => {
    p.set("labHidden", "3");
    p.delete("labRate");
  });
  assert.equal(el.getAttribute("lab-hidden"), "3");
  assert.equal(el.getAttribute("lab-rate"), null);
  await microtask();
  assert.equal(external, 0);
  assert.throws(() => store.update((p) => p.set("labWidht", "3")), /"labWidht" is not a key/);
});

test("attributes set from outside in one task make one external change, with their keys", async () => {
  const { el, store } = storeOn(["labHidden", "labRate", "labSeed"]);
  const seen: string[][] = [];
  store.onExternalChange(() => seen.push([...store.changedKeys()]));
  el.setAttribute("lab-hidden", "2");
  el.setAttribute("lab-rate", "0.5");
  el.setAttribute("lab-rate", "0.5"); // unchanged value: no change
  el.setAttribute("title", "x"); // not a key
  assert.equal(seen.length, 0, "delivered after the task, not per attribute");
  await microtask();
  assert.deepEqual(seen, [["labHidden", "labRate"]]);
  el.removeAttribute("lab-seed"); // was absent: no change
  el.setAttribute("lab-seed", "4");
  await microtask();
  assert.deepEqual(seen, [["labHidden", "labRate"], ["labSeed"]]);
});

test("follow: replaces the keys' attributes and runs the listeners at once", () => {
  const { el, store } = storeOn(["logits", "target"]);
  el.attributes.set("target", "2");
  let external = 0;
  store.onExternalChange(() => external++);
  store.follow("#logits=1,2");
  assert.equal(el.getAttribute("logits"), "1,2");
  assert.equal(el.getAttribute("target"), null);
  assert.equal(external, 1);
  assert.deepEqual([...store.changedKeys()], ["logits"]);
});

test("describe: a problem line names the attribute the author wrote", () => {
  const { store } = storeOn(["chainAct", "labRate"], { chainAct: "activation" });
  assert.equal(
    store.describe('chainAct: "x" is not one of sigmoid; default used'),
    'activation: "x" is not one of sigmoid; default used',
  );
  assert.equal(store.describe("labRate: given 2 times"), "lab-rate: given 2 times");
  assert.equal(store.describe("softmax: overflow"), "softmax: overflow");
});

test("bad tables are refused: an alias of no key, two keys on one attribute", () => {
  assert.throws(() => storeOn(["a"], { b: "bee" }), /alias for "b"/);
  assert.throws(() => storeOn(["labRate", "rate"], { labRate: "rate" }), /share one attribute/);
});
