// Command-line arguments of `gradscope vanishing`, parsed into the experiment's options. Pure:
// no I/O, so the errors (which name the bad value) are easy to test.
import { catalogue, names } from "./catalogue.js";
import { GradscopeError } from "./checked-call.js";
import type { ActivationName, CostName, InitName } from "./types.js";
import type { VanishingOptions } from "./vanishing.js";

export interface VanishingCommand {
  options: VanishingOptions;
  /** IDX files of images and labels (gzipped or not); both absent: the bundled MNIST digits. */
  idxImages?: string;
  idxLabels?: string;
  json: boolean;
}

const list = (rows: readonly { name: string }[]) => names(rows).join(", ");
const HIDDEN = list(catalogue.activations.filter((a) => a.hidden));
const COSTS = list(catalogue.costs);
const INITS = catalogue.initialisers.map((i) => `${i.name} (${i.weights})`).join(", ");

export const VANISHING_USAGE = `usage: gradscope vanishing [options]

Nielsen's speed of learning ‖∂C/∂b^l‖ of every hidden layer (chapter 5 of Neural Networks and
Deep Learning), averaged over the first --samples training images, at initialisation and after
each of --epochs epochs of SGD; accuracy on the --test-samples images that follow.

  --layers 784,30,30,30,30,10   layer sizes, input first (default 784,30,30,30,30,10)
  --activation NAME             hidden activation: ${HIDDEN} (default sigmoid)
  --output NAME                 output activation (default sigmoid)
  --init NAME                   ${INITS} (default scaled)
  --cost NAME                   ${COSTS} (default cross-entropy)
  --samples N                   training images the speed is averaged over (default 1000)
  --test-samples N              held-out images (default 1000)
  --seed N                      initial weights and shuffling (default 1)
  --epochs N                    epochs of training after the measurement at initialisation (default 0)
  --batch-size N                mini-batch size (default 10)
  --learning-rate X             η (default 0.1)
  --l2 X                        λ of the L2 weight decay (default 0)
  --idx-images FILE             IDX images (e.g. Fashion-MNIST), gzipped or not
  --idx-labels FILE             IDX labels to go with them
  --json                        print one JSON object instead of a table
  --help                        this text

The book's speed figure (generate_gradient.py): --epochs 500 --batch-size 1000 --learning-rate 0.1 --l2 5
The book's training on all 9,000 training digits (the lab's "The book's training"):
  --samples 9000 --epochs 30 --batch-size 10 --learning-rate 0.1 --l2 5`;

type Setter = (value: string) => void;

function integer(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < min) {
    throw new GradscopeError(`${flag} ${JSON.stringify(value)} must be an integer ≥ ${min}`);
  }
  return n;
}

function real(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) {
    throw new GradscopeError(`${flag} ${JSON.stringify(value)} must be a number`);
  }
  return n;
}

/** Parses the arguments after `vanishing`. Throws GradscopeError naming a bad flag or value. */
export function parseVanishingArgs(argv: readonly string[]): VanishingCommand | "help" {
  const options: VanishingOptions = { layers: [784, 30, 30, 30, 30, 10] };
  const command: VanishingCommand = { options, json: false };
  // Names are checked by the core, whose error lists the valid ones.
  const setters: Record<string, Setter> = {
    "--layers": (v) => {
      options.layers = v.split(",").map((s) => integer("--layers", s, 1));
    },
    "--activation": (v) => (options.activation = v as ActivationName),
    "--output": (v) => (options.output = v as ActivationName),
    "--init": (v) => (options.init = v as InitName),
    "--cost": (v) => (options.cost = v as CostName),
    "--samples": (v) => (options.samples = integer("--samples", v, 1)),
    "--test-samples": (v) => (options.testSamples = integer("--test-samples", v, 1)),
    "--seed": (v) => (options.seed = integer("--seed", v, 0)),
    "--epochs": (v) => (options.epochs = integer("--epochs", v, 0)),
    "--batch-size": (v) => (options.batchSize = integer("--batch-size", v, 1)),
    "--learning-rate": (v) => (options.learningRate = real("--learning-rate", v)),
    "--l2": (v) => (options.l2 = real("--l2", v)),
    "--idx-images": (v) => (command.idxImages = v),
    "--idx-labels": (v) => (command.idxLabels = v),
  };
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i] as string;
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--json") {
      command.json = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const setter = setters[flag];
    if (!setter)
      throw new GradscopeError(
        `unknown option ${JSON.stringify(arg)} (see gradscope vanishing --help)`,
      );
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else value = argv[++i];
    if (value === undefined) throw new GradscopeError(`${flag} needs a value`);
    setter(value);
  }
  if ((command.idxImages === undefined) !== (command.idxLabels === undefined)) {
    throw new GradscopeError("--idx-images and --idx-labels must be given together");
  }
  return command;
}
