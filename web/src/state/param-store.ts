// Where a view reads and writes its settings as key=value pairs. The page's store is the URL hash
// (hash-location.ts); an embedded element's is its own attributes, so the same view code serves
// both (a view never touches window.location itself).

export interface ParamStore {
  /** The current parameters (a fresh copy each call). */
  read(): URLSearchParams;
  /** Applies `change` to the current parameters and stores them (no history entry). */
  update(change: (params: URLSearchParams) => void): void;
  /** Goes to `hash` ("#key=value&…") as a followed link does: the external-change listeners run. */
  follow(hash: string): void;
  /** Called when the parameters change from outside the view (a link, an attribute). */
  onExternalChange(listener: () => void): void;
}
