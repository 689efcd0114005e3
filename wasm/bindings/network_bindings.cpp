// Registers the network handle; the adapter in network_adapter.cpp does the work.
#include <emscripten/bind.h>

#include "network_adapter.hpp"

EMSCRIPTEN_BINDINGS(gradscope_network) {
  using gradscope::wasm::NetworkHandle;
  emscripten::class_<NetworkHandle>("NetworkHandle")
      .function("numLayers", &NetworkHandle::num_layers)
      .function("layers", &NetworkHandle::layers)
      .function("hidden", &NetworkHandle::hidden)
      .function("output", &NetworkHandle::output)
      .function("cost", &NetworkHandle::cost)
      .function("init", &NetworkHandle::init)
      .function("seed", &NetworkHandle::seed)
      .function("weights", &NetworkHandle::weights)
      .function("biases", &NetworkHandle::biases)
      .function("setParameters", &NetworkHandle::set_parameters)
      .function("predict", &NetworkHandle::predict)
      .function("activations", &NetworkHandle::activations)
      .function("gradients", &NetworkHandle::gradients)
      .function("diagnostics", &NetworkHandle::diagnostics)
      .function("evaluate", &NetworkHandle::evaluate)
      .function("confusionMatrix", &NetworkHandle::confusion_matrix)
      .function("trace", &NetworkHandle::trace)
      .function("gradientCheck", &NetworkHandle::gradient_check)
      .function("beginTraining", &NetworkHandle::begin_training)
      .function("trainSteps", &NetworkHandle::train_steps)
      .function("trainEpoch", &NetworkHandle::train_epoch)
      .function("trainingState", &NetworkHandle::training_state)
      .function("endTraining", &NetworkHandle::end_training);
  emscripten::function("createNetwork", &gradscope::wasm::create_network,
                       emscripten::allow_raw_pointers());
}
