// The attributes <gradscope-run> and <gradscope-view> observe, as plain lists: kept free of
// imports so registering the elements loads nothing else (the run's settings table comes with
// its implementation). tests/web/run-attributes.test.ts checks the run's list against
// SETTINGS_TABLE, so a setting added there cannot be missed here.

/** The run settings' URL keys (SETTINGS_TABLE's, in its order); each is one kebab-case attribute. */
export const RUN_SETTING_KEYS: readonly string[] = [
  "dataset",
  "classes",
  "features",
  "noise",
  "samples",
  "testFraction",
  "hidden",
  "activation",
  "output",
  "cost",
  "init",
  "learningRate",
  "batchSize",
  "l2",
  "l1",
  "points",
  "dataSeed",
  "initSeed",
  "speed",
];

/**
 * Setting keys whose kebab-case name is taken by HTML: `hidden` is the global attribute that
 * hides an element, so the hidden layers' sizes are `hidden-layers="8,8"` (config keeps the
 * page's `hidden=8,8`).
 */
export const RUN_ALIASES: Readonly<Record<string, string>> = { hidden: "hidden-layers" };

/** <gradscope-run>'s own attributes besides the settings. */
export const RUN_OWN_KEYS = ["config", "steps", "autoplay", "controls"] as const;

/** Every key <gradscope-run>'s attribute store holds. */
export const RUN_KEYS: readonly string[] = [...RUN_OWN_KEYS, ...RUN_SETTING_KEYS];

/**
 * <gradscope-view>'s keys: the run it follows, the view's name, the time charts' keys and the
 * input-space view's display keys (show-test, discretize).
 */
export const VIEW_KEYS: readonly string[] = [
  "run",
  "name",
  "time",
  "smooth",
  "showTest",
  "discretize",
];
