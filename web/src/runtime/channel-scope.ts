// What a channel's worker class (TrainingWorker, LabWorker) posts through: its channel of the host
// worker, typed by the messages it sends. Posts after the channel closed are dropped.

export interface ChannelScope<Out> {
  postMessage(message: Out, transfer?: Transferable[]): void;
}
