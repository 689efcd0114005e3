// Module-wide entry points: the error slot and what the module was built with.
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <malloc.h>

#include "error_slot.hpp"
#include "kernels/kernels.hpp"

namespace {

double heap_bytes() { return static_cast<double>(emscripten_get_heap_size()); }
// Bytes malloc has handed out and not taken back: the leak check of the memory test.
double used_bytes() { return static_cast<double>(mallinfo().uordblks); }
std::string backend_name() { return gradscope::kernels::backend_name(); }

}  // namespace

EMSCRIPTEN_BINDINGS(gradscope_module) {
  emscripten::function("takeError", &gradscope::wasm::take_error);
  emscripten::function("backendName", &backend_name);
  emscripten::function("heapBytes", &heap_bytes);
  emscripten::function("usedBytes", &used_bytes);
}
