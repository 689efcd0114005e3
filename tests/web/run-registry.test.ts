// Views find their run by id (web/src/elements/run-registry.ts, view-attributes.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { RUN_VIEW_IDS } from "../../web/src/embed/run-view-ids.js";
import { RunRegistry } from "../../web/src/elements/run-registry.js";
import { missingRunText, readViewTarget } from "../../web/src/elements/view-attributes.js";

test("a view following an id hears the run now, a later run, and its leaving", () => {
  const registry = new RunRegistry<string>();
  const heard: (string | null)[] = [];
  const stop = registry.follow("a", (r) => heard.push(r));
  registry.add("b", "run-b");
  registry.add("a", "run-a");
  registry.add("a", "run-a"); // connected again: no second call
  registry.remove("a", "other"); // not the registered run
  registry.remove("a", "run-a");
  registry.add("a", "run-a2");
  stop();
  registry.add("a", "run-a3");
  assert.deepEqual(heard, [null, "run-a", null, "run-a2"]);
  const late: (string | null)[] = [];
  registry.follow("b", (r) => late.push(r));
  assert.deepEqual(late, ["run-b"]);
});

test("view attributes: every run view id is accepted; missing and unknown ones are named", () => {
  const read = (map: Record<string, string>) => (n: string) => map[n] ?? null;
  for (const name of RUN_VIEW_IDS) {
    assert.deepEqual(readViewTarget(read({ run: "r", name })), {
      value: { run: "r", name },
      problems: [],
    });
  }
  const none = readViewTarget(read({}));
  assert.equal(none.value, null);
  assert.equal(none.problems.length, 2);
  const unknown = readViewTarget(read({ run: "r", name: "softmax" }));
  assert.equal(unknown.value, null);
  assert.match(
    unknown.problems[0] as string,
    /^name: "softmax" is not a view of a run; use one of /,
  );
  assert.equal(missingRunText("r1"), 'run: no <gradscope-run id="r1"> on this page');
});
