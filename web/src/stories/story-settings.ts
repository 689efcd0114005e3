// A story's settings as a link reads them: the story's full configuration, with every settings key
// the link names explicitly winning over it (so "story=slowdown&cost=cross-entropy" is the
// slowdown story with the other cost). Pure: no DOM.

import { parseSettings, presetFor, SETTINGS_TABLE, type Settings } from "../state/settings.js";
import { LEGACY_SEED_KEY } from "../state/seeds.js";
import type { ParseResult } from "../state/url-table.js";
import { writeParams } from "../state/url-table.js";
import type { Story } from "./story-catalogue.js";

/** Every setting of `story`: its data set's preset with the story's own keys over it. */
export function storySettings(story: Story): Settings {
  const base = presetFor(story.settings.dataset);
  const own = story.settings as Partial<Settings>;
  return {
    ...base,
    ...own,
    hidden: [...(own.hidden ?? base.hidden)],
  };
}

/** The settings of `params` read over `story`'s (no story: the settings of `params` alone). */
export function parseStorySettings(
  params: URLSearchParams,
  story: Story | null,
): ParseResult<Settings> {
  if (!story) return parseSettings(params);
  const merged = new URLSearchParams();
  writeParams(SETTINGS_TABLE, storySettings(story), merged);
  for (const spec of SETTINGS_TABLE) {
    const key = String(spec.key);
    const text = params.get(key);
    if (text !== null) merged.set(key, text);
  }
  // An old link's `seed=N` is explicit too: it sets each seed the link does not name itself.
  const legacy = params.get(LEGACY_SEED_KEY);
  if (legacy !== null) {
    merged.set(LEGACY_SEED_KEY, legacy);
    for (const key of ["dataSeed", "initSeed"]) if (!params.has(key)) merged.delete(key);
  }
  return parseSettings(merged);
}

/** The keys where `settings` differ from `story`'s own, in the settings table's order. */
export function changedFromStory(story: Story, settings: Settings): (keyof Settings)[] {
  const own = storySettings(story);
  return SETTINGS_TABLE.flatMap((spec) =>
    spec.key !== "speed" && !spec.kind.equals(own[spec.key] as never, settings[spec.key] as never)
      ? [spec.key]
      : [],
  );
}
