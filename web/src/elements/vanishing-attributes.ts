// <gradscope-vanishing>'s attributes: the MNIST lab's URL keys (vanishing-state.ts
// VANISHING_TABLE) kebab-cased (labHidden → lab-hidden), so a link's keys and the element's
// attributes are the same words. Free of imports so registering the element loads nothing else;
// tests/web/element-attributes.test.ts checks the list against VANISHING_TABLE.

export const VANISHING_KEYS: readonly string[] = [
  "labHidden",
  "labSamples",
  "labWidth",
  "labSeed",
  "labEpochs",
  "labBatch",
  "labRate",
  "labL2",
  "labVariants",
];
