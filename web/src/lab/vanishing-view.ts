// The deep-network experiment (Nielsen, chapter 5) on real MNIST digits: the speed of learning of
// every hidden layer at initialisation and over training, for the book's sigmoid network and its
// remedies side by side, with held-out accuracy. Training runs in a Web Worker.

import { IDX_MAX_BYTES } from "gradscope";
import { mounted, type PageView, type ViewContext } from "../app/page-view.js";
import { parseParams, sameState, tableKeys, writeParams } from "../state/url-table.js";
import { bundledMnistUrls } from "../model/bundled-mnist.js";
import { createViewCard } from "../views/view-card.js";
import { button, labelled, numberInput, selectOf } from "./labeled-control.js";
import { formatPercent } from "../views/number-format.js";
import { AccuracyChart, InitialSpeedChart, TrainingSpeedCharts } from "./vanishing-charts.js";
import type { DataSource, FromLabWorker, ToLabWorker } from "./vanishing-protocol.js";
import { VanishingResults } from "./vanishing-results.js";
import {
  BOOK_SPEEDS,
  BOOK_TRAINING,
  DEFAULT_VANISHING,
  experimentConfig,
  MAX_HIDDEN,
  VANISHING_TABLE,
  type VanishingState,
} from "./vanishing-state.js";
import { speedRatioText, VanishingTable } from "./vanishing-table.js";
import { VANISHING_VARIANTS, variantLabel } from "./vanishing-variants.js";

interface Parts {
  hidden: HTMLSelectElement;
  width: HTMLInputElement;
  seed: HTMLInputElement;
  epochs: HTMLInputElement;
  batch: HTMLInputElement;
  rate: HTMLInputElement;
  l2: HTMLInputElement;
  variants: Map<string, HTMLInputElement>;
  dataChoice: HTMLSelectElement;
  imagesFile: HTMLInputElement;
  labelsFile: HTMLInputElement;
  run: HTMLButtonElement;
  stop: HTMLButtonElement;
  status: HTMLElement;
  shape: HTMLElement;
  table: VanishingTable;
  initialChart: InitialSpeedChart;
  trainingCharts: TrainingSpeedCharts;
  accuracyChart: AccuracyChart;
}

export class VanishingView implements PageView {
  readonly id = "vanishing";
  readonly title = "Lab: deep networks on MNIST";
  readonly urlKeys = tableKeys(VANISHING_TABLE);

  private context: ViewContext | null = null;
  private parts: Parts | null = null;
  private state: VanishingState = DEFAULT_VANISHING;
  private worker: Worker | null = null;
  private runId = 0;
  private running = false;
  private results: VanishingResults | null = null;
  private runHidden = 0;
  private dataDescription = "";
  private frame = 0;

  constructor(private readonly createWorker: () => Worker) {}

  mount(container: HTMLElement, context: ViewContext): void {
    this.context = context;
    this.state = this.readHash();
    container.classList.add("lab");
    this.parts = this.build(container);
    this.showState();
  }

  hide(): void {
    // Leaving the tab stops the training; the results stay on screen.
    if (this.running) this.send({ type: "stop" });
  }

  hashChanged(): void {
    if (!this.parts) return;
    const next = this.readHash();
    if (!sameState(VANISHING_TABLE, next, this.state)) {
      this.state = next;
      this.showState();
    }
  }

  private readHash(): VanishingState {
    const context = mounted(this.context, "the view context");
    const parsed = parseParams(VANISHING_TABLE, DEFAULT_VANISHING, context.hash.read());
    for (const p of parsed.problems) context.notify(p);
    return parsed.value;
  }

  private build(container: HTMLElement): Parts {
    const doc = container.ownerDocument;
    const setup = createViewCard(
      doc,
      "lab-vanishing",
      "Deep networks on MNIST: how fast does each layer learn?",
      "Nielsen's chapter-5 experiment: the speed of learning of hidden layer l is ‖∂C/∂bˡ‖, with ∂C/∂bˡ averaged over the first " +
        "1,000 training images; held-out accuracy is measured on the next 1,000. The book's setting is sigmoid neurons, cross-entropy " +
        "cost, weights N(0, 1/n_in) and biases N(0, 1). Run it, and its remedies side by side.",
    );
    const form = doc.createElement("form");
    form.className = "lab-controls";
    form.setAttribute("aria-label", "Experiment settings");
    form.addEventListener("submit", (e) => e.preventDefault());
    const hidden = selectOf(
      doc,
      Array.from({ length: MAX_HIDDEN }, (_, i) => ({ value: String(i + 1), text: String(i + 1) })),
      String(this.state.labHidden),
    );
    const width = numberInput(doc, this.state.labWidth, 1, 100, 1);
    const seed = numberInput(doc, this.state.labSeed, 0, 2 ** 31 - 1, 1);
    const epochs = numberInput(doc, this.state.labEpochs, 0, 500, 1);
    const batch = numberInput(doc, this.state.labBatch, 1, 1000, 1);
    const rate = numberInput(doc, this.state.labRate, 0.0001, 10, "any");
    const l2 = numberInput(doc, this.state.labL2, 0, 100, "any");
    const shape = doc.createElement("p");
    shape.className = "lab-shape";
    form.append(
      labelled(doc, "lab-hidden", "Hidden layers", hidden),
      labelled(doc, "lab-width", "Units per hidden layer", width),
      labelled(doc, "lab-seed", "Seed", seed),
      labelled(doc, "lab-epochs", "Epochs of training", epochs),
      labelled(doc, "lab-batch", "Mini-batch size", batch),
      labelled(doc, "lab-rate", "Learning rate η", rate),
      labelled(doc, "lab-l2", "L2 λ", l2),
    );
    const variantsBox = doc.createElement("fieldset");
    variantsBox.className = "lab-variants";
    const legend = doc.createElement("legend");
    legend.textContent = "Networks side by side";
    variantsBox.append(legend);
    const variants = new Map<string, HTMLInputElement>();
    for (const v of VANISHING_VARIANTS) {
      const box = doc.createElement("input");
      box.type = "checkbox";
      box.id = `lab-variant-${v.id}`;
      box.value = v.id;
      const lab = doc.createElement("label");
      lab.htmlFor = box.id;
      lab.textContent = v.label;
      const row = doc.createElement("div");
      row.append(box, lab);
      variantsBox.append(row);
      variants.set(v.id, box);
      box.addEventListener("change", () => this.readControls());
    }
    const dataBox = doc.createElement("fieldset");
    dataBox.className = "lab-data";
    const dataLegend = doc.createElement("legend");
    dataLegend.textContent = "Images";
    const dataChoice = selectOf(
      doc,
      [
        { value: "bundled", text: "MNIST digits (bundled, 10,000)" },
        { value: "files", text: "my IDX files (e.g. Fashion-MNIST)" },
      ],
      "bundled",
    );
    const imagesFile = doc.createElement("input");
    imagesFile.type = "file";
    const labelsFile = doc.createElement("input");
    labelsFile.type = "file";
    const fileRows = doc.createElement("div");
    fileRows.className = "lab-files";
    fileRows.append(
      labelled(doc, "lab-idx-images", "IDX images (.gz or plain)", imagesFile),
      labelled(doc, "lab-idx-labels", "IDX labels", labelsFile),
    );
    dataBox.append(dataLegend, labelled(doc, "lab-data", "Data", dataChoice), fileRows);
    const showFiles = () => (fileRows.hidden = dataChoice.value !== "files");
    dataChoice.addEventListener("change", showFiles);
    showFiles();

    const actions = doc.createElement("div");
    actions.className = "lab-actions";
    const run = button(doc, "Run", () => {
      this.start().catch((e: unknown) => this.fail(e instanceof Error ? e.message : String(e)));
    });
    run.classList.add("primary");
    const stop = button(doc, "Stop", () => this.send({ type: "stop" }));
    stop.disabled = true;
    const bookPreset = button(
      doc,
      "Use the book's training",
      () => {
        this.state = { ...this.state, ...BOOK_TRAINING };
        this.showState();
      },
      "generate_gradient.py: full batches of the 1,000 images, η = 0.1, λ = 5, 500 epochs",
    );
    const quickPreset = button(
      doc,
      "Quick training",
      () => {
        const { labEpochs, labBatch, labRate, labL2 } = DEFAULT_VANISHING;
        this.state = { ...this.state, labEpochs, labBatch, labRate, labL2 };
        this.showState();
      },
      "mini-batches of 10, η = 0.1, no L2, 30 epochs",
    );
    const status = doc.createElement("p");
    status.className = "lab-status";
    status.setAttribute("role", "status");
    status.textContent =
      "Press Run to measure each layer's speed at initialisation and then train.";
    actions.append(run, stop, bookPreset, quickPreset, status);
    setup.body.append(form, shape, variantsBox, dataBox, actions);
    for (const input of [hidden, width, seed, epochs, batch, rate, l2])
      input.addEventListener("change", () => this.readControls());

    const resultsCard = createViewCard(
      doc,
      "lab-vanishing-init",
      "Speed at initialisation",
      "In the book's sigmoid network the first hidden layer learns about 100 times more slowly than the last. ReLU with He initialisation keeps the layers within a small factor of each other.",
    );
    const tableBox = doc.createElement("div");
    tableBox.className = "table-scroll";
    const table = new VanishingTable(tableBox);
    const initialBox = doc.createElement("div");
    resultsCard.body.append(tableBox, initialBox);

    const trainingCard = createViewCard(
      doc,
      "lab-vanishing-training",
      "Speed over training",
      "Each network's hidden-layer speeds after every epoch (log scale): the gap between the first and last layers persists in the sigmoid network.",
    );
    const trainingBox = doc.createElement("div");
    trainingBox.className = "small-multiples";
    trainingCard.body.append(trainingBox);

    const accuracyCard = createViewCard(
      doc,
      "lab-vanishing-accuracy",
      "Outcome: accuracy on held-out digits",
      "Speed and outcome together: the network whose early layers barely learn is also the one that barely classifies.",
    );
    const accuracyBox = doc.createElement("div");
    accuracyCard.body.append(accuracyBox);
    container.append(setup.root, resultsCard.root, trainingCard.root, accuracyCard.root);

    return {
      hidden,
      width,
      seed,
      epochs,
      batch,
      rate,
      l2,
      variants,
      dataChoice,
      imagesFile,
      labelsFile,
      run,
      stop,
      status,
      shape,
      table,
      initialChart: new InitialSpeedChart(initialBox),
      trainingCharts: new TrainingSpeedCharts(trainingBox),
      accuracyChart: new AccuracyChart(accuracyBox),
    };
  }

  /** Controls → state (invalid entries are left for the browser's validation and ignored). */
  private readControls(): void {
    const p = mounted(this.parts, "the controls");
    const num = (input: HTMLInputElement, fallback: number) =>
      input.value.trim() !== "" && input.checkValidity() ? Number(input.value) : fallback;
    const chosen = VANISHING_VARIANTS.map((v) => v.id).filter((id) => p.variants.get(id)?.checked);
    this.state = {
      labHidden: Number(p.hidden.value),
      labWidth: num(p.width, this.state.labWidth),
      labSeed: num(p.seed, this.state.labSeed),
      labEpochs: num(p.epochs, this.state.labEpochs),
      labBatch: num(p.batch, this.state.labBatch),
      labRate: num(p.rate, this.state.labRate),
      labL2: num(p.l2, this.state.labL2),
      labVariants: chosen.length > 0 ? chosen : this.state.labVariants,
    };
    this.showState();
  }

  private showState(): void {
    const p = mounted(this.parts, "the controls");
    const s = this.state;
    p.hidden.value = String(s.labHidden);
    p.width.value = String(s.labWidth);
    p.seed.value = String(s.labSeed);
    p.epochs.value = String(s.labEpochs);
    p.batch.value = String(s.labBatch);
    p.rate.value = String(s.labRate);
    p.l2.value = String(s.labL2);
    for (const [id, box] of p.variants) box.checked = s.labVariants.includes(id);
    p.shape.textContent = `Network: [784, ${Array.from({ length: s.labHidden }, () => s.labWidth).join(", ")}, 10] for 28 × 28 images in 10 classes — sigmoid output, cross-entropy cost.`;
    this.context?.hash.update((params) => writeParams(VANISHING_TABLE, s, params));
  }

  private async dataSource(): Promise<DataSource> {
    const p = mounted(this.parts, "the controls");
    if (p.dataChoice.value === "files") {
      const images = p.imagesFile.files?.[0];
      const labels = p.labelsFile.files?.[0];
      if (!images || !labels)
        throw new Error("choose both an IDX images file and an IDX labels file");
      // A file larger than any IDX file the lab accepts is refused before it is read into memory.
      for (const file of [images, labels]) {
        if (file.size > IDX_MAX_BYTES) {
          throw new Error(
            `${file.name.slice(0, 60)}: ${file.size} bytes is more than an IDX file may hold ` +
              `(${IDX_MAX_BYTES} bytes)`,
          );
        }
      }
      return {
        kind: "files",
        name: `${images.name} + ${labels.name}`,
        images: await images.arrayBuffer(),
        labels: await labels.arrayBuffer(),
      };
    }
    // Relative to the page, so the built site works from any sub-path.
    const base = p.run.ownerDocument.baseURI;
    return { kind: "bundled", ...bundledMnistUrls(base) };
  }

  private async start(): Promise<void> {
    const p = mounted(this.parts, "the controls");
    this.readControls();
    // A failure here (no files chosen, a worker that cannot start) reaches fail() via the Run button.
    const data = await this.dataSource();
    const worker = this.startedWorker();
    this.runId += 1;
    this.runHidden = this.state.labHidden;
    this.results = new VanishingResults(this.state.labVariants);
    this.dataDescription = "";
    this.setRunning(true);
    p.status.textContent = "Loading the images…";
    const message: ToLabWorker = {
      type: "run",
      runId: this.runId,
      config: experimentConfig(this.state),
      data,
    };
    if (data.kind === "files") worker.postMessage(message, [data.images, data.labels]);
    else worker.postMessage(message);
    this.draw();
  }

  /** The experiment's worker, created on the first run and kept (it caches the loaded images). */
  private startedWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    worker.addEventListener("message", (e: MessageEvent<FromLabWorker>) => this.receive(e.data));
    // A worker that fails to load never answers: forget it, so that the next Run starts afresh.
    worker.addEventListener("error", (e) => {
      worker.terminate();
      if (this.worker === worker) this.worker = null;
      this.fail(`the experiment's worker failed: ${e.message || "it did not start"}`);
    });
    this.worker = worker;
    return worker;
  }

  private setRunning(running: boolean): void {
    const p = mounted(this.parts, "the controls");
    this.running = running;
    p.run.disabled = running;
    p.stop.disabled = !running;
  }

  private fail(message: string): void {
    this.setRunning(false);
    mounted(this.parts, "the controls").status.textContent = `Stopped: ${message}`;
    this.context?.notify(`lab: ${message}`);
  }

  private send(m: ToLabWorker): void {
    this.worker?.postMessage(m);
  }

  private receive(m: FromLabWorker): void {
    if (m.runId !== this.runId && m.runId !== 0) return;
    switch (m.type) {
      case "data":
        this.dataDescription = `${m.description}: ${m.n.toLocaleString("en")} images of ${m.inputWidth} pixels, ${m.outputWidth} classes`;
        break;
      case "point":
        this.results?.add(m.variant, m.point);
        break;
      case "done":
        this.setRunning(false);
        break;
      case "error":
        this.fail(m.message);
        return;
    }
    this.updateStatus(m.type === "done" ? m : null);
    this.draw();
  }

  private updateStatus(done: { stopped: boolean; seconds: number } | null): void {
    const p = mounted(this.parts, "the controls");
    const r = this.results;
    if (!r) return;
    const book = r.initial("book");
    const relu = r.initial("relu-he");
    // The first hidden layer's speed over the last's (speedRatio), as in the table's column.
    const ratio = speedRatioText;
    const bits = [this.dataDescription];
    if (book)
      bits.push(`book's network: first ÷ last hidden layer's speed = ${ratio(book.speeds)}`);
    if (relu) bits.push(`ReLU + He: ${ratio(relu.speeds)}`);
    const epochs = r.epochsDone();
    if (epochs > 0) {
      const accs = r.variants.map((v) => {
        const accuracy = r.latest(v)?.test.accuracy;
        return `${variantLabel(v)} ${accuracy === undefined ? "—" : formatPercent(accuracy)}`;
      });
      bits.push(`epoch ${epochs} of ${this.state.labEpochs}; held-out accuracy ${accs.join(", ")}`);
    }
    if (done)
      bits.push(
        done.stopped
          ? `stopped after ${done.seconds.toFixed(1)} s`
          : `finished in ${done.seconds.toFixed(1)} s`,
      );
    p.status.textContent = bits.filter((b) => b !== "").join(" · ");
  }

  /** Redraws at most once per frame, however fast the worker posts. */
  private draw(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const p = mounted(this.parts, "the controls");
      const r = this.results;
      if (!r) return;
      p.table.update(
        r,
        this.runHidden,
        r.variants.includes("book") ? BOOK_SPEEDS[this.runHidden] : undefined,
      );
      p.initialChart.update(r, this.runHidden);
      p.trainingCharts.update(r, this.runHidden);
      p.accuracyChart.update(r);
    });
  }
}
