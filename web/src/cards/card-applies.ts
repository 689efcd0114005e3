// Whether a view of a run can show the run's data, and if not, the sentence its card shows
// instead (a decision boundary needs points in a plane; test digits need images). Computed from
// the package's catalogue, so a view or data set added there is covered with no change here.

import {
  catalogue,
  type DataKind,
  type DatasetName,
  type ProblemKind,
  type ViewId,
} from "gradscope";

/** What a view of each data kind needs, in words. */
const NEEDS: Record<DataKind, string> = {
  plane: "2-D input (points in a plane)",
  line: "1-D input (a function of x)",
  image: "image input (pictures of pixels)",
};

/** What a run of `dataset` trains on, in words. */
function trainsOn(dataset: DatasetName): string {
  const d = catalogue.dataset(dataset);
  const what =
    d.kind === "plane"
      ? "points in a plane"
      : d.kind === "line"
        ? "values of a function of x"
        : `images of ${d.inputFeatures.toLocaleString("en")} pixels`;
  return `${d.name} (${what})`;
}

/**
 * null when `view` can show a run on `dataset`; otherwise the sentence that says why not, e.g.
 * "The decision boundary needs 2-D input (points in a plane); this run trains on mnist (images
 * of 784 pixels)."
 */
export function cardNotApplicable(view: ViewId, dataset: DatasetName): string | null {
  const row = catalogue.view(view);
  const kind = catalogue.dataset(dataset).kind;
  const kinds: readonly DataKind[] = row.dataKinds;
  if (kinds.includes(kind)) {
    // The right kind of data, but perhaps the wrong problem (a confusion matrix needs classes).
    const problem = catalogue.dataset(dataset).problem;
    const problems: readonly ProblemKind[] = row.problems;
    if (problems.includes(problem)) return null;
    const label = (p: ProblemKind) => catalogue.problems.find((r) => r.name === p)?.label ?? p;
    return (
      `The view “${row.title}” needs a ${problems.map(label).join(" or ")} problem; this run ` +
      `is a ${label(problem)} problem and trains on ${trainsOn(dataset)}.`
    );
  }
  const needs = kinds.map((k) => NEEDS[k]).join(" or ");
  return `The view “${row.title}” needs ${needs}; this run trains on ${trainsOn(dataset)}.`;
}
