// The deep-network experiment (Nielsen, chapter 5) on real MNIST digits: the speed of learning of
// every hidden layer at initialisation and over training, for the book's sigmoid network and its
// remedies side by side, with held-out accuracy. Training runs on the page's worker pool, one
// channel per core, each with its share of the networks; what the run showed is said only after it, from its numbers.

import { IDX_MAX_BYTES } from "gradscope";
import { mounted, type PageView, type ViewContext } from "../app/page-view.js";
import { parseParams, sameState, tableKeys, writeParams } from "../state/url-table.js";
import { bundledMnistUrls, type IdxUrls } from "../model/bundled-mnist.js";
import { createViewCard } from "../views/view-card.js";
import { button, labelled, numberInput, selectOf } from "./labeled-control.js";
import { formatPercent } from "../views/number-format.js";
import { AccuracyChart, InitialSpeedChart, TrainingSpeedCharts } from "./vanishing-charts.js";
import type { DataSource, FromLabWorker, ToLabWorker } from "./vanishing-protocol.js";
import { VanishingResults } from "./vanishing-results.js";
import { runConclusions } from "./vanishing-conclusions.js";
import { assignVariants, workerCount } from "./vanishing-split.js";
import {
  BOOK_SPEEDS,
  DEFAULT_VANISHING,
  experimentConfig,
  MAX_HIDDEN,
  MAX_SAMPLES,
  TEST_SAMPLES,
  trainingSettingOf,
  TRAINING_SETTINGS,
  VANISHING_TABLE,
  type VanishingState,
} from "./vanishing-state.js";
import { speedRatioText, VanishingTable } from "./vanishing-table.js";
import { VANISHING_VARIANTS, variantLabel } from "./vanishing-variants.js";
import type { WorkerPort } from "../runtime/worker-port.js";

interface Parts {
  hidden: HTMLSelectElement;
  samples: HTMLInputElement;
  setting: HTMLElement;
  progress: HTMLProgressElement;
  conclusions: HTMLElement;
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
  /** Shown only under the book's training setting (the note explains its λ = 5). */
  bookNote: HTMLElement;
  /** "Run to see …" in each result card until a run has results. */
  emptyNotes: HTMLElement[];
}

export class VanishingView implements PageView {
  readonly id = "vanishing";
  readonly title = "Lab: deep networks on MNIST";
  readonly urlKeys = tableKeys(VANISHING_TABLE);

  private context: ViewContext | null = null;
  private parts: Parts | null = null;
  private state: VanishingState = DEFAULT_VANISHING;
  /** The experiment's channels of the page's workers, opened on the first run and kept (each caches the images). */
  private workers: WorkerPort[] = [];
  /** Workers of the current run that have not yet reported "done". */
  private pending = 0;
  private stoppedRun = false;
  private runSeconds = 0;
  private runEpochs = 0;
  private runSamples = 0;
  /** The Web Workers that ran the current run's shares (several shares may share one worker). */
  private runWorkers = new Set<string>();
  private runId = 0;
  private running = false;
  private results: VanishingResults | null = null;
  private runHidden = 0;
  private dataDescription = "";
  private frame = 0;

  constructor(
    private readonly openChannel: () => WorkerPort,
    /** The bundled digits (the page's are relative to it; an element's are next to its script). */
    private readonly bundledUrls: (doc: Document) => IdxUrls = (doc) =>
      bundledMnistUrls(doc.baseURI),
  ) {}

  mount(container: HTMLElement, context: ViewContext): void {
    this.context = context;
    this.state = this.readHash();
    container.classList.add("lab");
    this.parts = this.build(container);
    this.showState();
  }

  hide(): void {
    // Leaving the tab stops the training; the results stay on screen.
    if (this.running) this.sendAll({ type: "stop" });
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
      "Nielsen's chapter-5 experiment: the speed of learning of hidden layer l is ‖∂C/∂bˡ‖, with ∂C/∂bˡ averaged over the " +
        "training images; held-out accuracy is measured on the 1,000 digits after them. The book's network has sigmoid neurons, " +
        "cross-entropy cost, weights N(0, 1/n_in) and biases N(0, 1). Run it, and its remedies side by side. " +
        "Hidden layer k here is Nielsen's layer l = k + 1 (the playground's l, where l = 1 is the input).",
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
    const samples = numberInput(doc, this.state.labSamples, 1, MAX_SAMPLES, 1);
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
      labelled(doc, "lab-samples", "Training images", samples),
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
    const stop = button(doc, "Stop", () => this.sendAll({ type: "stop" }));
    stop.disabled = true;
    const presets = doc.createElement("div");
    presets.className = "lab-presets";
    presets.setAttribute("role", "group");
    presets.setAttribute("aria-label", "Training settings");
    for (const t of TRAINING_SETTINGS) {
      presets.append(
        button(
          doc,
          t.name,
          () => {
            this.state = { ...this.state, ...t.values };
            this.showState();
          },
          t.description,
        ),
      );
    }
    const setting = doc.createElement("p");
    setting.className = "lab-setting";
    const bookNote = doc.createElement("p");
    bookNote.className = "lab-note";
    bookNote.textContent =
      "Why the book's accuracy is higher: Nielsen trains the same [784, 30, 30, 30, 30, 10] network on MNIST's 50,000 training " +
      "images and reports ≈96.5 % after 30 epochs. Here the bundled set has 10,000 digits, so the book's training uses 9,000 " +
      "of them and holds out 1,000: each epoch is 900 mini-batches instead of 5,000, and with λ = 5 over n = 9,000 the weight " +
      "decay per step is 5.6 times stronger. Run it to see how far the deep sigmoid network gets here.";
    const progress = doc.createElement("progress");
    progress.className = "lab-progress";
    progress.max = 1;
    progress.value = 0;
    progress.setAttribute("aria-label", "Progress of the run");
    progress.hidden = true;
    const status = doc.createElement("p");
    status.className = "lab-status";
    status.setAttribute("role", "status");
    status.textContent =
      "Press Run to measure each layer's speed at initialisation and then train.";
    actions.append(run, stop, progress, status);
    setup.body.append(form, shape, presets, setting, bookNote, variantsBox, dataBox, actions);
    for (const input of [hidden, width, samples, seed, epochs, batch, rate, l2])
      input.addEventListener("change", () => this.readControls());

    const resultsCard = createViewCard(
      doc,
      "lab-vanishing-init",
      "Speed of learning, layer by layer",
      "The speed of each hidden layer at initialisation, and after the latest epoch, for each network; what this run showed is written below once it has run.",
    );
    const conclusions = doc.createElement("div");
    conclusions.className = "lab-conclusions";
    conclusions.setAttribute("aria-live", "polite");
    const tableBox = doc.createElement("div");
    tableBox.className = "table-scroll";
    const table = new VanishingTable(tableBox);
    const initialBox = doc.createElement("div");
    resultsCard.body.append(conclusions, tableBox, initialBox);
    const emptyNote = (card: { body: HTMLElement }, what: string) => {
      const note = doc.createElement("p");
      note.className = "lab-empty";
      note.textContent = `Run to see ${what}.`;
      card.body.prepend(note);
      return note;
    };

    const trainingCard = createViewCard(
      doc,
      "lab-vanishing-training",
      "Speed over training",
      "Each network's hidden-layer speeds after every epoch (log scale), one chart per network; the hidden layers are shades of blue, from dark (layer 1, next to the input) to light.",
    );
    const trainingBox = doc.createElement("div");
    trainingBox.className = "small-multiples";
    trainingCard.body.append(trainingBox);

    const accuracyCard = createViewCard(
      doc,
      "lab-vanishing-accuracy",
      "Outcome: accuracy on held-out digits",
      "Each network's accuracy on the held-out digits after every epoch, in the same colours as the speed chart above.",
    );
    const accuracyBox = doc.createElement("div");
    accuracyCard.body.append(accuracyBox);
    container.append(setup.root, resultsCard.root, trainingCard.root, accuracyCard.root);
    const emptyNotes = [
      emptyNote(resultsCard, "each hidden layer's speed at initialisation and after training"),
      emptyNote(trainingCard, "each network's hidden-layer speeds over the epochs"),
      emptyNote(accuracyCard, "each network's accuracy on the held-out digits"),
    ];

    return {
      hidden,
      samples,
      setting,
      progress,
      conclusions,
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
      bookNote,
      emptyNotes,
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
      labSamples: num(p.samples, this.state.labSamples),
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
    p.samples.value = String(s.labSamples);
    const named = trainingSettingOf(s);
    p.bookNote.hidden = named?.id !== "book";
    p.setting.textContent = named
      ? `Training: ${named.name.replace(/^The /, "the ")} — ${named.description}.`
      : `Training: your own setting — ${s.labSamples.toLocaleString("en")} images, mini-batches of ${s.labBatch}, ` +
        `η = ${s.labRate}, λ = ${s.labL2}, ${s.labEpochs} epochs.`;
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
    return { kind: "bundled", ...this.bundledUrls(p.run.ownerDocument) };
  }

  private async start(): Promise<void> {
    const p = mounted(this.parts, "the controls");
    this.readControls();
    // A failure here (no files chosen, a worker that cannot start) reaches fail() via the Run button.
    const data = await this.dataSource();
    const cores = p.run.ownerDocument.defaultView?.navigator.hardwareConcurrency;
    const shares = assignVariants(
      this.state.labVariants,
      workerCount(cores, this.state.labVariants.length),
    );
    const workers = this.startedWorkers(shares.length);
    this.runId += 1;
    this.runHidden = this.state.labHidden;
    this.runEpochs = this.state.labEpochs;
    this.runSamples = this.state.labSamples;
    this.results = new VanishingResults(this.state.labVariants);
    this.dataDescription = "";
    this.pending = shares.length;
    this.runWorkers = new Set();
    this.stoppedRun = false;
    this.runSeconds = 0;
    p.conclusions.replaceChildren();
    p.progress.hidden = false;
    p.progress.value = 0;
    this.setRunning(true);
    p.status.textContent = "Loading the images…";
    const config = experimentConfig(this.state);
    shares.forEach((variants, i) => {
      const worker = workers[i] as WorkerPort;
      const message: ToLabWorker = {
        type: "run",
        runId: this.runId,
        config: { ...config, variants },
        // Each worker gets its own copy of the learner's files (a transfer empties the buffer).
        data:
          data.kind === "files"
            ? { ...data, images: data.images.slice(0), labels: data.labels.slice(0) }
            : data,
      };
      if (message.data.kind === "files")
        worker.postMessage(message, [message.data.images, message.data.labels]);
      else worker.postMessage(message);
    });
    this.draw();
  }

  /** `count` channels, opened on the first runs that need them and kept. */
  private startedWorkers(count: number): WorkerPort[] {
    while (this.workers.length < count) {
      const worker = this.openChannel();
      worker.onMessage((data) => this.receive(data as FromLabWorker));
      // A worker that fails never answers: forget its channel, so that the next Run starts afresh.
      worker.onError((message) => {
        worker.close();
        this.workers = this.workers.filter((w) => w !== worker);
        this.fail(`the experiment's worker failed: ${message || "it did not start"}`);
      });
      this.workers.push(worker);
    }
    return this.workers.slice(0, count);
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

  private sendAll(m: ToLabWorker): void {
    for (const w of this.workers) w.postMessage(m);
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
        // Workers run side by side: the run ends with the last one (its time is the run's).
        this.pending -= 1;
        this.stoppedRun ||= m.stopped;
        this.runSeconds = Math.max(this.runSeconds, m.seconds);
        this.runWorkers.add(m.worker);
        if (this.pending > 0) break;
        this.setRunning(false);
        this.showConclusions();
        break;
      case "error":
        this.sendAll({ type: "stop" });
        this.fail(m.message);
        return;
    }
    this.updateProgress();
    this.updateStatus(
      m.type === "done" && this.pending === 0
        ? { stopped: this.stoppedRun, seconds: this.runSeconds }
        : null,
    );
    this.draw();
  }

  private updateProgress(): void {
    const p = mounted(this.parts, "the controls");
    const r = this.results;
    if (!r) return;
    const total = r.variants.length * (this.runEpochs + 1);
    const got = r.variants.reduce((n, v) => n + r.of(v).length, 0);
    p.progress.value = total > 0 ? got / total : 1;
    p.progress.textContent = `${Math.round(100 * p.progress.value)}%`;
  }

  /** What this run showed, from its numbers; only after it finished or was stopped. */
  private showConclusions(): void {
    const p = mounted(this.parts, "the controls");
    const r = this.results;
    if (!r) return;
    const doc = p.conclusions.ownerDocument;
    const items = runConclusions(r, this.runHidden).map((text) => {
      const li = doc.createElement("li");
      li.textContent = text;
      return li;
    });
    if (items.length === 0) {
      p.conclusions.replaceChildren();
      return;
    }
    const head = doc.createElement("p");
    head.textContent = `What this run showed (${this.runSamples.toLocaleString("en")} training images, ${TEST_SAMPLES.toLocaleString("en")} held out):`;
    const list = doc.createElement("ul");
    list.append(...items);
    p.conclusions.replaceChildren(head, list);
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
          : `finished in ${done.seconds.toFixed(1)} s on ${this.runWorkers.size} Web Worker${this.runWorkers.size > 1 ? "s" : ""}`,
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
      for (const note of p.emptyNotes) note.hidden = true;
      p.table.update(
        r,
        this.runHidden,
        this.runSamples,
        r.variants.includes("book") ? BOOK_SPEEDS[this.runHidden] : undefined,
      );
      p.initialChart.update(r, this.runHidden);
      p.trainingCharts.update(r, this.runHidden);
      p.accuracyChart.update(r);
    });
  }
}
