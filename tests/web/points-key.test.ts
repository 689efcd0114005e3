// The learner's own points (web/src/state/own-points.ts) and the `points` URL key
// (points-key.ts): exact round trips up to the link's cap, the "too large" marker, hostile text
// refused with the bad text named, and the key's place in the settings table.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addPoint,
  classCount,
  erasePointsNear,
  hundredths,
  linkNotice,
  LINK_POINTS_MAX,
  NO_POINTS,
  pointAt,
  pointCount,
  pointsCsv,
  pointsFrom,
  type OwnPoints,
  type PointsKind,
} from "../../web/src/state/own-points.js";
import {
  decodePoints,
  encodePoints,
  POINTS_TEXT_MAX,
  pointsShareWarning,
} from "../../web/src/state/points-key.js";
import { parseSettings, SETTINGS_TABLE } from "../../web/src/state/settings.js";
import { writeParams } from "../../web/src/state/url-table.js";
import { fromCSV } from "gradscope";

/** A seeded set of `n` points of `kind` covering the whole range, both ends included. */
function somePoints(kind: PointsKind, n: number, seed = 1): OwnPoints {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  const x: number[] = [];
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const edge = i < 2 ? [-1.5, 1.5][i] : undefined;
    x.push(edge ?? next() * 3 - 1.5, edge ?? next() * 3 - 1.5);
    t.push(kind === "classes" ? i % 6 : (edge ?? next() * 3 - 1.5));
  }
  return pointsFrom(kind, x, t);
}

function decoded(text: string): OwnPoints {
  const p = decodePoints(text);
  if (p instanceof Error) throw p;
  return p;
}

test("round trip: every set up to the cap decodes to the same points, exactly", () => {
  for (const kind of ["classes", "values"] as const) {
    for (const n of [0, 1, 2, 7, 199, LINK_POINTS_MAX]) {
      const p = somePoints(kind, n, n + 3);
      const text = encodePoints(p);
      assert.ok(text.length <= POINTS_TEXT_MAX, `${text.length} characters`);
      assert.match(text, /^([cv][A-Za-z0-9_-]*)?$/);
      const back = decoded(text);
      assert.equal(pointCount(back), n);
      if (n > 0) assert.equal(back.kind, kind);
      assert.deepEqual(back.data, p.data, `${kind} × ${n}`);
      assert.equal(encodePoints(back), text);
    }
  }
  // The value a point holds is the quantised number, both ends and zero included.
  const p = pointsFrom("values", [-1.5, 1.5, 0.004, -0.006], [1.5, -1.499]);
  assert.deepEqual(
    [0, 1].map((i) => pointAt(decoded(encodePoints(p)), i)),
    [
      { x1: -1.5, x2: 1.5, target: 1.5 },
      { x1: 0, x2: -0.01, target: -1.5 },
    ],
  );
  assert.ok(Object.is(hundredths(-0.001), 0), "no −0");
});

test("a set over the cap is written as its count, and reading it says the link lacks it", () => {
  const big = somePoints("classes", LINK_POINTS_MAX + 100);
  assert.equal(encodePoints(big), "n300");
  const read = decodePoints("n300");
  assert.ok(read instanceof Error);
  assert.match(read.message, /made from 300 points, more than a link carries \(200\)/);
  assert.equal(linkNotice(somePoints("values", LINK_POINTS_MAX)), null);
  assert.match(linkNotice(big) ?? "", /300 points are more than a link carries \(200\)/);
  const share = (text: string) => pointsShareWarning(new URLSearchParams(`points=${text}`));
  assert.match(
    share(encodePoints(big)) ?? "",
    /trains on 300 points of your own, more than a link/,
  );
  assert.equal(share(encodePoints(somePoints("classes", LINK_POINTS_MAX))), null);
  assert.equal(share(""), null);
  assert.equal(pointsShareWarning(new URLSearchParams("dataset=xor")), null);
});

test("hostile text is refused, naming the bad text", () => {
  const cases: [string, RegExp][] = [
    ["x", /"x" does not start with c \(classes\), v \(values\) or n/],
    ["cAAAA", /"cAAAA" has 4 characters after "c", not a whole number of points \(5 each\)/],
    ["vAAAAAAA", /7 characters after "v".*\(6 each\)/],
    ["cAA!AA", /character 4 "!" of "cAA!AA" is not one of/],
    ["cAA AA", /character 4 " "/],
    ["c%41AAAA", /character 2 "%"/],
    ["cF_AAA", /point 1: x1 "F_" is beyond ±1.5/],
    ["cAAE-A", /point 1: x2 "E-" is beyond ±1.5/],
    ["vAAAAEt", /point 1: value "Et" is beyond ±1.5/],
    ["cAAAAG", /point 1: class "G" \(6\) is beyond 5/],
    ["cAAAAAAAAA_", /point 2: class "_" \(63\) is beyond 5/],
    [`c${"AAAAA".repeat(201)}`, /holds 201 points; a link carries at most 200/],
    ["n12", /"n12" is not a points count/],
    ["n", /"n" is not a points count/],
    ["n1e9", /is not a points count/],
    ["c\u0000", /character 2 "\\u0000"/],
  ];
  for (const [text, pattern] of cases) {
    const r = decodePoints(text);
    assert.ok(r instanceof Error, text);
    assert.match(r.message, pattern, text);
    assert.ok(r.message.length < 200, r.message);
  }
});

test("the settings table: `points` carries up to the cap, longer text is refused whole", () => {
  const p = somePoints("values", LINK_POINTS_MAX, 9);
  const params = new URLSearchParams("dataset=own-values");
  params.set("points", encodePoints(p));
  const { value, problems } = parseSettings(params);
  assert.deepEqual(problems, []);
  assert.deepEqual(value.points.data, p.data);
  const out = new URLSearchParams();
  writeParams(SETTINGS_TABLE, value, out);
  assert.equal(out.get("points"), encodePoints(p));
  const long = parseSettings(new URLSearchParams(`points=c${"A".repeat(POINTS_TEXT_MAX)}`));
  assert.deepEqual(long.value.points, NO_POINTS);
  assert.match(long.problems.join("\n"), /points: value longer than 1201 characters/);
  const bad = parseSettings(new URLSearchParams("dataset=own-classes&points=cAAAAG"));
  assert.deepEqual(bad.value.points, NO_POINTS);
  assert.match(bad.problems.join("\n"), /^points: point 1: class "G"/m);
  // Other keys keep the 200-character limit.
  const other = parseSettings(new URLSearchParams(`hidden=${"1,".repeat(120)}1`));
  assert.match(other.problems.join("\n"), /hidden: value longer than 200 characters/);
});

test("editing: add, erase near a point, the classes a run needs, CSV out and back", () => {
  let p: OwnPoints = { kind: "classes", data: [] };
  p = addPoint(p, 0.123, -0.456, 0);
  p = addPoint(p, 0.5, 0.5, 3);
  p = addPoint(p, 0.52, 0.51, 1);
  assert.deepEqual(p.data, [12, -46, 0, 50, 50, 3, 52, 51, 1]);
  assert.equal(classCount(p), 4);
  assert.equal(classCount({ kind: "classes", data: [0, 0, 0] }), 2);
  const erased = erasePointsNear(p, 0.5, 0.5, 0.05);
  assert.deepEqual(erased.data, [12, -46, 0]);
  assert.equal(erasePointsNear(p, -1, -1, 0.05), p, "nothing near: the same object");
  const csv = pointsCsv(p);
  assert.equal(csv, "x1,x2,label\n0.12,-0.46,0\n0.5,0.5,3\n0.52,0.51,1\n");
  const d = fromCSV(csv, { problem: "classification" });
  assert.deepEqual(pointsFrom("classes", d.x, d.labels).data, p.data);
  const v = addPoint({ kind: "values", data: [] }, -1.5, 1.5, -0.257);
  assert.equal(pointsCsv(v), "x1,x2,value\n-1.5,1.5,-0.26\n");
  const dv = fromCSV(pointsCsv(v), { problem: "regression" });
  assert.deepEqual(pointsFrom("values", dv.x, dv.y).data, v.data);
});
