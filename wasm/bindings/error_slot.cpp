#include "error_slot.hpp"

namespace gradscope::wasm {

namespace {
// One slot per module instance: JavaScript calls into the module one at a time.
std::string& slot() {
  static std::string message;
  return message;
}
}  // namespace

void set_error(std::string message) { slot() = std::move(message); }

std::string take_error() {
  std::string message = std::move(slot());
  slot().clear();
  return message;
}

}  // namespace gradscope::wasm
