// A card alone in its row of the two-column card grid (the last of an odd run of narrow cards, e.g.
// a single card embedded with show=) spans the row rather than leaving half of it empty. Which
// cards are alone is pure (loneCards); spanLoneCards keeps a container's cards marked as cards are
// added, removed, hidden or shown.

/** For each shown card in order (`wide`: it spans the row anyway), whether it is alone in its row. */
export function loneCards(wide: readonly boolean[]): boolean[] {
  const lone = wide.map(() => false);
  let runStart = 0;
  for (let i = 0; i <= wide.length; i++) {
    if (i < wide.length && !wide[i]) continue;
    // Narrow cards runStart..i-1 fill rows two at a time; an odd run leaves its last one alone.
    if ((i - runStart) % 2 === 1) lone[i - 1] = true;
    runStart = i + 1;
  }
  return lone;
}

/** The class a lone card gets (styles.css: it spans both columns). */
export const LONE_CLASS = "lone";

/** Marks `container`'s lone cards now and whenever its cards change; returns a stop function. */
export function spanLoneCards(container: HTMLElement): () => void {
  const mark = () => {
    const cards = [...container.children].filter(
      (c): c is HTMLElement => c.classList.contains("view-card") && !(c as HTMLElement).hidden,
    );
    const lone = loneCards(cards.map((c) => c.classList.contains("wide")));
    for (const [i, card] of cards.entries()) card.classList.toggle(LONE_CLASS, lone[i] === true);
  };
  const observer = new MutationObserver(mark);
  observer.observe(container, { childList: true, subtree: false, attributeFilter: ["hidden"] });
  mark();
  return () => observer.disconnect();
}
