// What a tab shares: its state read from the URL hash through the tab's own tables (a bad value
// is never carried into a link or a snippet: the tab shows its default, and so does the snippet)
// and written back minimally, only what differs from the defaults, so a snippet reads as what the
// author chose. Pure: no DOM.

import type { DataKind } from "gradscope";
import { parseSampleKeys, SAMPLE_DEFAULTS, SAMPLE_TABLE } from "../backprop/sample-key.js";
import { DEFAULT_CHAIN, reconcileChain, CHAIN_TABLE, type ChainState } from "../lab/chain-state.js";
import { DEFAULT_VANISHING, VANISHING_TABLE, type VanishingState } from "../lab/vanishing-state.js";
import { DEFAULT_SOFTMAX, reconcileSoftmax, SOFTMAX_TABLE } from "../softmax/softmax-state.js";
import type { SoftmaxState } from "../softmax/softmax-state.js";
import { CHART_DEFAULTS, CHART_TABLE, parseChartKeys } from "../state/chart-keys.js";
import { DISPLAY_DEFAULTS, DISPLAY_TABLE, parseDisplayKeys } from "../state/display-keys.js";
import { dataSource } from "../state/data-sources.js";
import { parseSettings, presetFor, SETTINGS_TABLE, type Settings } from "../state/settings.js";
import { parseParams, type PropertyTable } from "../state/url-table.js";

/** One URL key and its text, in table order. */
export type KeyText = readonly [key: string, text: string];

/** A tab that shows the playground's run (its settings, chart keys and traced sample). */
export interface RunTarget {
  kind: "run";
  tab: string;
  settings: Settings;
  dataKind: DataKind;
  /** The settings that differ from the data set's preset, `dataset` always first. */
  settingKeys: KeyText[];
  /** `time` and `smooth` when not the defaults (the two time charts read them). */
  chartKeys: KeyText[];
  /** The input-space view's display keys (showTest, discretize) that differ from the defaults. */
  displayKeys: KeyText[];
  /** `sample` when not train:0 (the backprop view reads it). */
  sampleKeys: KeyText[];
}

/** A lab with its own state (the chain, the softmax panel, the deep-network experiment). */
export interface LabTarget {
  kind: "chain" | "softmax" | "vanishing";
  tab: string;
  /** The lab's keys that differ from its defaults. */
  keys: KeyText[];
}

/** A tab with nothing to embed (About): only its link. */
export interface PageTarget {
  kind: "page";
  tab: string;
}

export type ShareTarget = RunTarget | LabTarget | PageTarget;

/** A tab with something to embed. */
export type EmbeddableTarget = RunTarget | LabTarget;

/** Which tabs show what (the tab ids of main.ts's registry); any other tab is a plain page. */
const TAB_KINDS: Readonly<Record<string, ShareTarget["kind"]>> = {
  playground: "run",
  backprop: "run",
  chain: "chain",
  softmax: "softmax",
  vanishing: "vanishing",
};

/** The tab the page opens on when the hash names none. */
export const FIRST_TAB = "playground";

/** The keys of `value` that differ from `defaults`, written by the table's kinds. */
export function changedKeys<S>(table: PropertyTable<S>, defaults: S, value: S): KeyText[] {
  return table.flatMap((spec) =>
    spec.kind.equals(value[spec.key] as never, defaults[spec.key] as never)
      ? []
      : [[String(spec.key), spec.kind.format(value[spec.key] as never)] as const],
  );
}

/**
 * The settings as keys: `dataset` and `classes` (their preset is the baseline a link that names
 * only them gets, settings.ts) and every setting that differs from that preset.
 */
export function settingKeys(settings: Settings): KeyText[] {
  // The classes choose the preset (three or more: softmax), so they are written beside the set
  // whenever they differ from its own, and the rest against that preset.
  const preset = presetFor(settings.dataset, settings.classes);
  const changed = changedKeys(SETTINGS_TABLE, preset, settings);
  const classes: KeyText[] =
    settings.classes === presetFor(settings.dataset).classes
      ? []
      : [["classes", String(settings.classes)]];
  return [
    ["dataset", settings.dataset],
    ...classes,
    ...changed.filter(([key]) => key !== "dataset" && key !== "classes"),
  ];
}

/** What `tab` shares with the hash `params` (problems in the hash are the tab's to report). */
export function shareTarget(tab: string, params: URLSearchParams): ShareTarget {
  const kind = TAB_KINDS[tab] ?? "page";
  switch (kind) {
    case "run": {
      const settings = parseSettings(params).value;
      return {
        kind,
        tab,
        settings,
        dataKind: dataSource(settings.dataset).info.kind,
        settingKeys: settingKeys(settings),
        chartKeys: changedKeys(CHART_TABLE, CHART_DEFAULTS, parseChartKeys(params).value),
        displayKeys: changedKeys(DISPLAY_TABLE, DISPLAY_DEFAULTS, parseDisplayKeys(params).value),
        sampleKeys: changedKeys(SAMPLE_TABLE, SAMPLE_DEFAULTS, parseSampleKeys(params).value),
      };
    }
    case "chain": {
      const read = parseParams<ChainState>(CHAIN_TABLE, DEFAULT_CHAIN, params).value;
      const state = reconcileChain(read).state;
      return { kind, tab, keys: changedKeys(CHAIN_TABLE, DEFAULT_CHAIN, state) };
    }
    case "softmax": {
      const read = parseParams<SoftmaxState>(SOFTMAX_TABLE, DEFAULT_SOFTMAX, params).value;
      const state = reconcileSoftmax(read).state;
      return { kind, tab, keys: changedKeys(SOFTMAX_TABLE, DEFAULT_SOFTMAX, state) };
    }
    case "vanishing": {
      const state = parseParams<VanishingState>(VANISHING_TABLE, DEFAULT_VANISHING, params).value;
      return { kind, tab, keys: changedKeys(VANISHING_TABLE, DEFAULT_VANISHING, state) };
    }
    case "page":
      return { kind, tab };
  }
}
