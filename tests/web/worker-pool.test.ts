// The page's WorkerPool's bookkeeping with fake workers: at most one worker per core, a new
// channel on an idle worker or a new one while under the cap, else on the least busy; closing
// frees a channel; the compiled module goes to each worker once, before anything it serves; a
// crashed worker tells each of its channels and is replaced.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { CompiledWasm } from "gradscope";
import { poolCap, WorkerPool } from "../../web/src/runtime/worker-pool.js";
import type { ToHost } from "../../web/src/runtime/pool-protocol.js";
import type { WorkerPort } from "../../web/src/runtime/worker-port.js";

/** A fake host worker: records what the pool posts; `reply` and `crash` play the worker's part. */
class FakeWorker implements WorkerPort {
  readonly posted: ToHost[] = [];
  closed = false;
  private messageListener: ((data: unknown) => void) | null = null;
  private errorListener: ((message: string) => void) | null = null;
  postMessage(message: unknown): void {
    this.posted.push(message as ToHost);
  }
  onMessage(listener: (data: unknown) => void): void {
    this.messageListener = listener;
  }
  onError(listener: (message: string) => void): void {
    this.errorListener = listener;
  }
  close(): void {
    this.closed = true;
  }
  reply(channel: number, data: unknown): void {
    this.messageListener?.({ channel, data });
  }
  crash(message: string): void {
    this.errorListener?.(message);
  }
  /** The channel ids this worker was asked to open, in order. */
  opened(): number[] {
    return this.posted.flatMap((m) => (m.type === "open" ? [m.channel] : []));
  }
}

const WASM = { flavour: "simd", module: {} } as unknown as CompiledWasm;

function fakePool(cores: number | undefined, wasm: () => Promise<CompiledWasm> = async () => WASM) {
  const workers: FakeWorker[] = [];
  let compiles = 0;
  const pool = new WorkerPool({
    startWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    wasm: () => {
      compiles += 1;
      return wasm();
    },
    cores,
  });
  return { pool, workers, compiles: () => compiles };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test("the cap is the core count; unknown, zero or fractional counts give one worker", () => {
  assert.equal(poolCap(4), 4);
  assert.equal(poolCap(1), 1);
  for (const c of [undefined, 0, -2, 1.5, Number.NaN]) assert.equal(poolCap(c), 1, String(c));
});

test("workers start lazily, one per busy channel up to the cap, then the least busy is shared", () => {
  const { pool, workers } = fakePool(2);
  assert.equal(workers.length, 0, "no worker before the first channel");
  pool.open("training");
  assert.deepEqual(pool.load(), [1]);
  pool.open("lab");
  assert.deepEqual(pool.load(), [1, 1], "a second busy channel starts a second worker");
  pool.open("lab");
  pool.open("lab");
  pool.open("training");
  assert.equal(workers.length, 2, "never more workers than cores");
  assert.deepEqual(pool.load(), [3, 2], "each channel on the least busy worker, the first on ties");
});

test("an idle worker is reused before a new one starts; closing frees the channel", () => {
  const { pool, workers } = fakePool(4);
  const a = pool.open("training");
  a.close();
  assert.deepEqual(pool.load(), [0]);
  assert.deepEqual(workers[0]?.posted.at(-1), { type: "close", channel: 1 });
  pool.open("lab");
  assert.equal(workers.length, 1, "the idle worker took it");
  const b = pool.open("lab");
  const c = pool.open("lab");
  assert.deepEqual(pool.load(), [1, 1, 1]);
  b.close();
  b.close(); // a second close is a no-op
  assert.deepEqual(pool.load(), [1, 0, 1]);
  pool.open("training");
  assert.deepEqual(pool.load(), [1, 1, 1], "the freed worker first, no fourth worker");
  assert.equal(workers.length, 3);
  c.postMessage({ late: true });
  c.close();
  c.postMessage({ after: "close" });
  const third = workers[2] as FakeWorker;
  assert.deepEqual(third.posted.slice(-2), [
    { type: "message", channel: 4, data: { late: true } },
    { type: "close", channel: 4 },
  ]);
});

test("each channel's messages go to its worker tagged, and replies come back to that channel only", async () => {
  const { pool, workers } = fakePool(1);
  const seen: string[] = [];
  const one = pool.open("training");
  const two = pool.open("lab");
  one.onMessage((d) => seen.push(`one:${String(d)}`));
  two.onMessage((d) => seen.push(`two:${String(d)}`));
  const buffer = new ArrayBuffer(8);
  one.postMessage({ type: "play" }, [buffer]);
  const w = workers[0] as FakeWorker;
  assert.deepEqual(w.posted.slice(0, 3), [
    { type: "open", channel: 1, kind: "training" },
    { type: "open", channel: 2, kind: "lab" },
    { type: "message", channel: 1, data: { type: "play" } },
  ]);
  w.reply(2, "ready");
  w.reply(1, "snapshot");
  w.reply(9, "unknown channel");
  w.reply(1, undefined);
  await settle();
  assert.deepEqual(seen, ["two:ready", "one:snapshot", "one:undefined"]);
});

test("the page's module is asked for per worker start and posted to each worker once", async () => {
  const { pool, workers, compiles } = fakePool(2);
  pool.open("training");
  pool.open("lab");
  pool.open("lab");
  await settle();
  assert.equal(compiles(), 2, "one request per worker (page-wasm.ts caches the one compile)");
  for (const w of workers) {
    const modules = w.posted.filter((m) => m.type === "module");
    assert.deepEqual(modules, [{ type: "module", wasm: WASM }]);
  }
});

test("a failed compile is posted to the worker, whose channels report it in their own words", async () => {
  const { pool, workers } = fakePool(1, () => Promise.reject(new Error("HTTP 404")));
  pool.open("training");
  await settle();
  assert.deepEqual(workers[0]?.posted.at(-1), { type: "module-failed", message: "HTTP 404" });
});

test("a crashed worker reports on each of its channels, is closed, and a new one takes later channels", () => {
  const { pool, workers } = fakePool(2);
  const errors: string[] = [];
  const a = pool.open("training");
  const b = pool.open("lab");
  const c = pool.open("lab"); // shares the first worker with a
  a.onError((m) => errors.push(`a:${m}`));
  b.onError((m) => errors.push(`b:${m}`));
  c.onError((m) => errors.push(`c:${m}`));
  const first = workers[0] as FakeWorker;
  first.crash("out of memory");
  first.crash("again"); // a worker reports once
  assert.deepEqual(errors, ["a:out of memory", "c:out of memory"]);
  assert.equal(first.closed, true);
  assert.deepEqual(pool.load(), [1], "only the second worker is left");
  a.close(); // closing a channel of the crashed worker posts nothing
  assert.equal(first.posted.at(-1)?.type, "open");
  pool.open("training");
  assert.equal(workers.length, 3, "a replacement worker, within the cap");
  assert.deepEqual(pool.load(), [1, 1]);
});

test("a worker the browser refuses to start gives a channel that reports why, not a throw", async () => {
  let refuse = true;
  const errors: string[] = [];
  const pool = new WorkerPool({
    startWorker: () => {
      if (refuse) throw new Error("SecurityError: blocked by worker-src");
      return new FakeWorker();
    },
    wasm: async () => WASM,
    cores: 2,
  });
  const port = pool.open("training");
  port.onError((m) => errors.push(m));
  port.postMessage({ type: "play" });
  port.close();
  await settle();
  assert.deepEqual(errors, ["the worker could not start: SecurityError: blocked by worker-src"]);
  assert.deepEqual(pool.load(), []);
  refuse = false;
  pool.open("training");
  assert.deepEqual(pool.load(), [1], "a later channel starts a worker");
});
