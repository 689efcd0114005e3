// gs.datasets.fromCSV: the learner's own 2-D points from CSV text (x1,x2,label or x1,x2,value).
// Pure TypeScript: the text never reaches the module. Every refusal is a GradscopeError that
// names the line and the column (1-based; a column is a comma-separated field) and the bad text,
// and nothing is returned half-read.
import { checkInteger } from "./argument-checks.js";
import { GradscopeError } from "./checked-call.js";
import { readOptions } from "./options.js";
import { shorten, showValue } from "./show-value.js";
import type { Dataset, ProblemKind } from "./types.js";

export interface CsvOptions {
  /** Required: 'classification' (x1,x2,label) or 'regression' (x1,x2,value). */
  problem: ProblemKind;
  /**
   * Classification: K, the number of classes, in [2, 6]; labels must be 0 … K−1. Default: the
   * largest label + 1, which must be at least 2 (a set of one class needs `classes`).
   */
  classes?: number;
  /**
   * Classification: 1 (targets 0/1, two classes only) or K (one-hot). Default 1 for two classes,
   * K otherwise. Regression: 1 (the default and the only width).
   */
  outputWidth?: number;
  /** When given, x1 and x2 must lie in [−extent, extent] (e.g. a plane that is drawn). */
  extent?: number;
}

/** The most data rows fromCSV reads. */
export const CSV_MAX_ROWS = 10_000;
/** The longest text fromCSV reads, in UTF-16 code units (characters of a JavaScript string). */
export const CSV_MAX_CHARS = 1_000_000;
/** The most classes a classification CSV may have. */
export const CSV_MAX_CLASSES = 6;

const CSV_KEYS = [
  "problem",
  "classes",
  "outputWidth",
  "extent",
] as const satisfies readonly (keyof CsvOptions)[];

/** A plain decimal number: digits, one optional point, an optional exponent. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const COLUMNS: Record<ProblemKind, readonly string[]> = {
  classification: ["x1", "x2", "label"],
  regression: ["x1", "x2", "value"],
};

/** "1 column", "2 columns". */
function columns(n: number): string {
  return `${n} column${n === 1 ? "" : "s"}`;
}

/** A hint when a line seems to use another separator than the comma. */
function separatorHint(content: string): string {
  const other = content.includes("\t") ? "tabs" : content.includes(";") ? "semicolons" : null;
  return other === null ? "" : `; columns are separated by commas, not ${other}`;
}

function where(line: number, column: number): string {
  return `line ${line}, column ${column}`;
}

function refuse(line: number, column: number, message: string): never {
  throw new GradscopeError(`fromCSV: ${where(line, column)}: ${message}`);
}

function quoted(field: string): string {
  return JSON.stringify(shorten(field, 24));
}

/** The number a field holds, or null when it is not a plain decimal number. */
function decimal(field: string): number | null {
  return DECIMAL.test(field) ? Number(field) : null;
}

/** A field read as a finite float32 number, refused with its line and column otherwise. */
function numberAt(field: string, line: number, column: number, name: string): number {
  if (field === "") refuse(line, column, `${name} is empty`);
  if (field.includes('"') || field.includes("'")) {
    refuse(line, column, `${quoted(field)}: quotes are not supported (write the bare number)`);
  }
  const v = decimal(field);
  if (v === null) refuse(line, column, `${quoted(field)} is not a number (${name})`);
  if (!Number.isFinite(Math.fround(v))) {
    refuse(line, column, `${quoted(field)} is too large for a 32-bit float (${name})`);
  }
  return v;
}

function readCsvOptions(options: unknown): {
  problem: ProblemKind;
  classes: number | undefined;
  outputWidth: number | undefined;
  extent: number | undefined;
} {
  if (options === undefined) {
    throw new GradscopeError("fromCSV needs options { problem: 'classification' | 'regression' }");
  }
  const o = readOptions<CsvOptions>(options, CSV_KEYS, "fromCSV options");
  const problem: unknown = o.problem;
  if (problem !== "classification" && problem !== "regression") {
    throw new GradscopeError(
      `fromCSV options: problem ${problem === undefined ? "is missing" : `'${showValue(problem)}' is unknown`} ` +
        "(valid: classification, regression)",
    );
  }
  const classes =
    o.classes === undefined ? undefined : checkInteger(o.classes, "classes", 2, CSV_MAX_CLASSES);
  if (problem === "regression" && classes !== undefined) {
    throw new GradscopeError("fromCSV options: classes is for classification, not regression");
  }
  const outputWidth =
    o.outputWidth === undefined
      ? undefined
      : checkInteger(o.outputWidth, "outputWidth", 1, CSV_MAX_CLASSES);
  if (problem === "regression" && outputWidth !== undefined && outputWidth !== 1) {
    throw new GradscopeError(
      `fromCSV options: outputWidth ${outputWidth} must be 1 for regression (one value)`,
    );
  }
  let extent: number | undefined;
  if (o.extent !== undefined) {
    const e: unknown = o.extent;
    if (typeof e !== "number" || !Number.isFinite(e) || e <= 0) {
      throw new GradscopeError(`extent ${showValue(e)} must be a finite number > 0`);
    }
    extent = e;
  }
  return { problem, classes, outputWidth, extent };
}

/** The line and column (field) at which character `index` of `text` lies. */
function positionOf(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < index; ++i) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line += 1;
      column = 1;
    } else if (c === 44) column += 1;
  }
  return { line, column };
}

/**
 * Reads CSV text of 2-D points. Rows are `x1,x2,label` (classification: integer labels 0 … K−1)
 * or `x1,x2,value` (regression); line ends LF or CRLF; a byte-order mark at the start is skipped;
 * blank lines are skipped anywhere (they still count in line numbers); spaces and tabs around a
 * field are ignored. The first non-blank line is a header when none of its fields is a number.
 * Numbers are plain decimals (1, -0.5, .5, 2e-3): not NaN, Infinity, hex, quoted, or beyond the
 * float32 range. At most CSV_MAX_ROWS rows and CSV_MAX_CHARS characters.
 */
export function fromCSV(text: unknown, options: unknown): Dataset {
  if (typeof text !== "string") {
    throw new GradscopeError(`fromCSV: text must be a string, got ${showValue(text)}`);
  }
  const o = readCsvOptions(options);
  const names = COLUMNS[o.problem];
  const expected = `expected ${names.length} columns: ${names.join(",")}`;
  if (text.length > CSV_MAX_CHARS) {
    const at = positionOf(text, CSV_MAX_CHARS);
    refuse(
      at.line,
      at.column,
      `the text goes on past ${CSV_MAX_CHARS.toLocaleString("en")} characters, the most fromCSV ` +
        `reads (${text.length.toLocaleString("en")} given)`,
    );
  }
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const lines = body.split("\n");
  const xs: number[] = [];
  const targets: number[] = [];
  let headerLine = 0;
  let firstRowLine = 0;
  let largest = -1;
  for (let i = 0; i < lines.length; ++i) {
    const line = i + 1;
    const raw = lines[i] as string;
    const content = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (content.trim() === "") continue;
    if (content.includes("\r")) {
      refuse(
        line,
        positionOf(content, content.indexOf("\r")).column,
        "a carriage return inside a line",
      );
    }
    const fields = content.split(",").map((f) => f.trim());
    if (headerLine === 0 && firstRowLine === 0 && fields.every((f) => decimal(f) === null)) {
      if (fields.length !== names.length) {
        refuse(
          line,
          Math.min(fields.length, names.length) + 1,
          `the header has ${columns(fields.length)}; ${expected}${separatorHint(content)}`,
        );
      }
      headerLine = line;
      continue;
    }
    if (fields.length < names.length) {
      refuse(
        line,
        fields.length + 1,
        `${names[fields.length]} is missing (${columns(fields.length)}; ${expected}${separatorHint(content)})`,
      );
    }
    if (fields.length > names.length) {
      refuse(
        line,
        names.length + 1,
        `an extra column ${quoted(fields[names.length] as string)} (${expected})`,
      );
    }
    if (xs.length / 2 >= CSV_MAX_ROWS) {
      refuse(
        line,
        1,
        `more than ${CSV_MAX_ROWS.toLocaleString("en")} rows, the most fromCSV reads`,
      );
    }
    if (firstRowLine === 0) firstRowLine = line;
    for (let c = 0; c < 2; ++c) {
      const v = numberAt(fields[c] as string, line, c + 1, names[c] as string);
      if (o.extent !== undefined && Math.abs(v) > o.extent) {
        refuse(line, c + 1, `${names[c]} ${fields[c]} is outside [−${o.extent}, ${o.extent}]`);
      }
      xs.push(v);
    }
    const target = numberAt(fields[2] as string, line, 3, names[2] as string);
    if (o.problem === "classification") {
      const most = (o.classes ?? CSV_MAX_CLASSES) - 1;
      if (!Number.isInteger(target) || target < 0 || target > most) {
        const what =
          o.classes === undefined ? `at most ${CSV_MAX_CLASSES} classes` : `classes: ${o.classes}`;
        refuse(
          line,
          3,
          `label ${quoted(fields[2] as string)} is not a class 0 … ${most} (${what})`,
        );
      }
      largest = Math.max(largest, target);
    }
    targets.push(target);
  }
  const n = targets.length;
  if (n === 0) {
    const after = headerLine === 0 ? "" : ` after the header on line ${headerLine}`;
    refuse(lines.length, 1, `no data rows${after}; ${expected}`);
  }
  if (o.problem === "regression") {
    return {
      x: Float32Array.from(xs),
      y: Float32Array.from(targets),
      labels: new Int32Array(0),
      problem: "regression",
      n,
      inputWidth: 2,
      outputWidth: 1,
    };
  }
  if (o.classes === undefined && largest < 1) {
    refuse(
      firstRowLine,
      3,
      `every label is 0 (lines ${firstRowLine} … ${lines.length}): a classification needs two ` +
        "classes or more (or the option classes: 2)",
    );
  }
  const k = o.classes ?? largest + 1;
  const width = o.outputWidth ?? (k === 2 ? 1 : k);
  if (width !== k && !(width === 1 && k === 2)) {
    throw new GradscopeError(
      `fromCSV options: outputWidth ${width} does not fit ${k} classes (1 for two classes, or ${k})`,
    );
  }
  const y = new Float32Array(n * width);
  const labels = Int32Array.from(targets);
  labels.forEach((label, i) => {
    if (width === 1) y[i] = label;
    else y[i * width + label] = 1;
  });
  return {
    x: Float32Array.from(xs),
    y,
    labels,
    problem: "classification",
    n,
    inputWidth: 2,
    outputWidth: width,
  };
}
