// The about/help page (#view=about): what gradscope is, how to use the playground, the package
// (install, init, an example), the version and the licence. Plain DOM built with textContent, so
// it needs no inline script or style under the strict CSP, and hash routing so it works from any
// sub-path.

import { license, version } from "../../../package.json";
import type { PageView } from "../app/page-view.js";
import { BOOK_URL, GLOSSARY, INSTALL_COMMAND, PACKAGE_EXAMPLE } from "./about-content.js";

type Part = string | HTMLElement;

export class AboutView implements PageView {
  readonly id = "about";
  readonly title = "About";
  readonly urlKeys: readonly string[] = [];

  mount(container: HTMLElement): void {
    const doc = container.ownerDocument;
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, ...parts: Part[]) => {
      const e = doc.createElement(tag);
      e.append(...parts);
      return e;
    };
    const link = (href: string, text: string) => {
      const a = el("a", text);
      a.href = href;
      return a;
    };
    const code = (text: string) => el("code", text);
    const page = el("article");
    page.className = "about-page";
    const versionLine = el("p", `Version ${version} · ${license} licence`);
    versionLine.className = "about-version";
    const example = el("pre", code(PACKAGE_EXAMPLE));
    example.setAttribute("aria-label", "Example program");
    // A narrow screen scrolls the program sideways: let the keyboard do so too.
    example.tabIndex = 0;
    page.append(
      el("h2", "About gradscope"),
      versionLine,
      el(
        "p",
        "gradscope trains a small neural network in your browser and shows backpropagation at " +
          "work, layer by layer: σ′(z) per layer, how fast each layer learns, and why deep " +
          "sigmoid networks learn slowly in their early layers. Its mathematics follows Michael " +
          "Nielsen's ",
        link(BOOK_URL, "Neural Networks and Deep Learning"),
        "; every card of the playground links to the section it illustrates and names the " +
          "equation it shows.",
      ),
      el("h3", "Using the playground"),
      el(
        "ul",
        el("li", "Choose a data set, the hidden layers, the activations and the cost in Settings."),
        el("li", "Play trains continuously; Step trains one mini-batch; Reset starts again."),
        el(
          "li",
          "Stories: a menu of guided configurations (the vanishing gradient, its remedy, " +
            "learning slowdown, saturation, dead ReLUs), each with a readout measured on the run.",
        ),
        el(
          "li",
          'Compare: the gradient card\'s "Compare: pin this run" keeps its lines as a ghost, ' +
            "so the next run's can be set against them.",
        ),
        el(
          "li",
          "Lecture mode (the header's button): larger text and the story's charts first, for " +
            "a projector.",
        ),
        el(
          "li",
          "The address holds every setting: copy it to share exactly what you see. The two " +
            "Lab tabs follow the book's chapter 5: the gradient through a chain of one-neuron " +
            "layers, and deep networks on MNIST digits.",
        ),
      ),
      el("h3", "Symbols"),
      el("dl", ...GLOSSARY.flatMap(([term, meaning]) => [el("dt", term), el("dd", meaning)])),
      el("h3", "Using the npm package"),
      el("p", "Install it, then call ", code("init()"), " once; it loads the WebAssembly core:"),
      el("pre", code(INSTALL_COMMAND)),
      el(
        "p",
        "This program trains a network on the xor points and prints each layer's speed of " +
          "learning (runs as it is in Node ≥ 18, a bundler, or a module script):",
      ),
      example,
      el(
        "p",
        "The package's README describes the whole API: networks, the step-wise trainer, data " +
          "sets, the chain product and the catalogue of activations and costs.",
      ),
      el("h3", "Licence"),
      el(
        "p",
        `gradscope ${version} is released under the ${license} licence: use, copy, modify and ` +
          "distribute it freely, keeping the copyright and licence notice.",
      ),
    );
    container.append(page);
  }
}
