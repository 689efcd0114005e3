// What a <gradscope-run>'s attributes say: the run's settings (its `config` in the playground's
// hash syntax, overridden key by key by one attribute per setting), `steps`, `autoplay` and
// `controls`. A bad value falls back to its default alone with one problem line naming where it
// was written; an attribute nobody reads is named too (HTML lowercases `learningRate=`).

import {
  controlListKind,
  DEFAULT_CONTROLS,
  type ControlId,
} from "../controls/control-catalogue.js";
import { flagKind, MAX_STEPS } from "../state/page-keys.js";
import { parseSettings, type Settings } from "../state/settings.js";
import { numberKind, unknownKeys, type ParseResult } from "../state/url-table.js";
import { attributeOf } from "./attribute-store.js";
import { RUN_ALIASES, RUN_KEYS, RUN_OWN_KEYS, RUN_SETTING_KEYS } from "./run-attribute-names.js";

export interface RunOptions {
  settings: Settings;
  /** Mini-batches to fast-forward a fresh run to, then pause (0: none), as the page's `steps=`. */
  steps: number;
  /** Start training once built (unless the system asks for reduced motion). */
  autoplay: boolean;
  /** The buttons the run shows, in order (the status line always). */
  controls: ControlId[];
}

const SETTING_KEYS = RUN_SETTING_KEYS;

/** The attribute of a run key: `learning-rate` for `learningRate`, `hidden-layers` for `hidden`. */
export function runAttribute(key: string): string {
  return attributeOf(key, RUN_ALIASES);
}

/** One attribute per run setting. */
export const SETTING_ATTRIBUTES: readonly string[] = SETTING_KEYS.map(runAttribute);

/** Every attribute <gradscope-run> reads (its observedAttributes). */
export const RUN_ATTRIBUTES: readonly string[] = RUN_KEYS.map(runAttribute);

const stepsKind = numberKind(0, MAX_STEPS, true);

/** Reads an attribute: its value, or null when absent. */
export type ReadAttribute = (name: string) => string | null;

function describe(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** The key=value pairs of a `config` text; a leading "#" or "?" (a pasted link's) is dropped. */
export function configParams(config: string | null): URLSearchParams {
  return new URLSearchParams((config ?? "").trim().replace(/^[#?]/, ""));
}

/**
 * The run's settings from `config` and the setting attributes (an attribute beats `config` for
 * its key). Problems name the attribute (`learning-rate: …`) or the config key (`config:
 * learningRate: …`) the bad value came from.
 */
export function readRunSettings(read: ReadAttribute): ParseResult<Settings> {
  const params = configParams(read("config"));
  const problems = unknownKeys(params, new Set([...SETTING_KEYS, "seed"])).map((p) =>
    RUN_OWN_KEYS.some((a) => p.includes(`"${a}"`))
      ? `config: ${p.replace(/ ignored$/, "")} is an attribute of <gradscope-run>, not a setting; ignored`
      : `config: ${p}`,
  );
  const fromAttribute = new Set<string>();
  for (const key of SETTING_KEYS) {
    const text = read(runAttribute(key));
    if (text === null) continue;
    params.delete(key); // the attribute wins, without a "given twice" line
    params.set(key, text);
    fromAttribute.add(key);
  }
  const parsed = parseSettings(params);
  for (const line of parsed.problems) {
    // A line about one key starts "key:"; one about a pair ("cost … does not fit output …") not.
    const key = [...SETTING_KEYS, "seed"].find((k) => line.startsWith(`${k}:`));
    if (key === undefined) problems.push(line);
    else if (fromAttribute.has(key)) problems.push(`${runAttribute(key)}${line.slice(key.length)}`);
    else problems.push(`config: ${line}`);
  }
  return { value: parsed.value, problems };
}

/**
 * A problem line when HTML's `hidden` attribute carries layer sizes (`hidden="8,8"`, the URL
 * key's name): it hides the element, and the layers are `hidden-layers`. Null otherwise.
 */
export function hiddenMisused(text: string | null): string | null {
  if (text === null || !/^\s*\d+(\s*,\s*\d+)*\s*$/.test(text)) return null;
  return (
    `hidden="${text}" is HTML's attribute that hides the element; ` +
    `for the hidden layers write hidden-layers="${text}"`
  );
}

/** `autoplay`, `autoplay=""`, "true" or "1" switch it on; "false" or "0" off. */
function readFlag(name: string, text: string | null, problems: string[]): boolean {
  if (text === null) return false;
  if (text === "" || text === name) return true;
  const v = flagKind.parse(text);
  if (v instanceof Error) {
    problems.push(`${name}: ${v.message}; off`);
    return false;
  }
  return v;
}

/** Everything <gradscope-run> reads from its attributes, with one problem line per bad value. */
export function readRunOptions(read: ReadAttribute): ParseResult<RunOptions> {
  const { value: settings, problems } = readRunSettings(read);
  const hidden = hiddenMisused(read("hidden"));
  if (hidden) problems.push(hidden);
  let steps = 0;
  const stepsText = read("steps");
  if (stepsText !== null) {
    const v = stepsKind.parse(stepsText.trim());
    if (v instanceof Error) problems.push(`steps: ${v.message}; 0 used`);
    else steps = v;
  }
  const autoplay = readFlag("autoplay", read("autoplay"), problems);
  let controls: ControlId[] = [...DEFAULT_CONTROLS];
  const controlsText = read("controls");
  if (controlsText !== null) {
    const v = controlListKind.parse(controlsText.trim());
    if (v instanceof Error)
      problems.push(`controls: ${v.message}; ${DEFAULT_CONTROLS.join(",")} used`);
    else controls = v;
  }
  return { value: { settings, steps, autoplay, controls }, problems };
}

/** Attributes any HTML element may carry: never reported. */
const GLOBAL_ATTRIBUTES = new Set([
  "id",
  "class",
  "style",
  "slot",
  "part",
  "exportparts",
  "title",
  "lang",
  "dir",
  "hidden",
  "inert",
  "tabindex",
  "role",
  "translate",
  "draggable",
  "nonce",
  "autofocus",
  "accesskey",
  "contenteditable",
  "spellcheck",
  "is",
  "popover",
  "enterkeyhint",
  "inputmode",
  "itemscope",
  "itemprop",
  "itemtype",
  "itemid",
  "itemref",
]);

/**
 * One problem line per attribute in `names` that neither `known` nor HTML explains (`data-*`,
 * `aria-*` and `on*` pass), with the attribute meant when only the spelling differs (HTML
 * lowercases `learningRate=` to `learningrate`; `learning_rate` is close too).
 */
export function unknownAttributes(
  names: readonly string[],
  known: readonly string[],
  element: string,
): string[] {
  const squash = (name: string) => name.toLowerCase().replace(/[-_]/g, "");
  const problems: string[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    if (known.includes(lower) || GLOBAL_ATTRIBUTES.has(lower)) continue;
    if (/^(data-|aria-|on)/.test(lower)) continue;
    const meant = known.find((k) => squash(k) === squash(lower));
    problems.push(
      meant === undefined
        ? `unknown attribute ${describe(name)} of <${element}> ignored`
        : `unknown attribute ${describe(name)} of <${element}> ignored; did you mean ${meant}?`,
    );
  }
  return problems;
}
