// <gradscope-softmax>'s attributes: the softmax panel's URL keys (softmax-state.ts SOFTMAX_TABLE),
// already lower case. Free of imports so registering the element loads nothing else;
// tests/web/element-attributes.test.ts checks the list against SOFTMAX_TABLE.

export const SOFTMAX_KEYS: readonly string[] = ["logits", "target", "nudge"];
