// The numbers a chart plots, as a reader gets them without the picture: a table's cells and a
// CSV file. Also the merge of two runs' time columns, so a pinned run can share a chart.

export type Column = ArrayLike<number | null | undefined>;

/**
 * One table cell: "" for a missing value, integers in full, others with 6 significant digits
 * (exponent form beyond 1e±5), and words for values that are not finite.
 */
export function formatCell(v: number | null | undefined): string {
  if (v == null) return "";
  if (Number.isNaN(v)) return "not a number";
  if (v === Infinity) return "∞";
  if (v === -Infinity) return "−∞";
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e5) return String(Number(v.toPrecision(6)));
  return v.toExponential(5).replace("e+", "e");
}

/** Rows of cells: one per x value, the columns side by side (short columns leave blanks). */
export function tableRows(columns: readonly Column[]): string[][] {
  const rows = Math.max(0, ...columns.map((c) => c.length));
  return Array.from({ length: rows }, (_, i) => columns.map((c) => formatCell(c[i])));
}

function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV of `columns` under `header`: numbers in full precision (as JavaScript writes
 * them, so a reader gets back the exact doubles), missing values empty, NaN and ±∞ as
 * NaN, Infinity, -Infinity; lines end in CRLF.
 */
export function toCsv(header: readonly string[], columns: readonly Column[]): string {
  if (header.length !== columns.length)
    throw new RangeError(`${header.length} column names for ${columns.length} columns`);
  const rows = Math.max(0, ...columns.map((c) => c.length));
  const lines = [header.map(csvField).join(",")];
  for (let i = 0; i < rows; i++)
    lines.push(columns.map((c) => (c[i] == null ? "" : String(c[i]))).join(","));
  return lines.join("\r\n") + "\r\n";
}

/** A file name from a chart's title: "Loss and accuracy" → "loss-and-accuracy.csv". */
export function csvFileName(title: string): string {
  const slug = title
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "chart"}.csv`;
}

/**
 * Two runs on one x axis: the sorted union of `a.x` and `b.x` (both ascending), each run's
 * columns with `undefined` where it has no point (uPlot joins the line over those, while a
 * null of the run's own still breaks it).
 */
export function alignRuns(
  a: { x: readonly number[]; ys: readonly Column[] },
  b: { x: readonly number[]; ys: readonly Column[] },
): { x: number[]; ys: (number | null | undefined)[][] } {
  const x: number[] = [];
  const ys: (number | null | undefined)[][] = [...a.ys, ...b.ys].map(() => []);
  let i = 0;
  let j = 0;
  while (i < a.x.length || j < b.x.length) {
    const ai = a.x[i];
    const bj = b.x[j];
    const takeA = ai !== undefined && (bj === undefined || ai <= bj);
    const takeB = bj !== undefined && (ai === undefined || bj <= ai);
    x.push((takeA ? ai : bj) as number);
    a.ys.forEach((c, k) => ys[k]?.push(takeA ? c[i] : undefined));
    b.ys.forEach((c, k) => ys[a.ys.length + k]?.push(takeB ? c[j] : undefined));
    if (takeA) i++;
    if (takeB) j++;
  }
  return { x, ys };
}
