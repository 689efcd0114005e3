// How C++ errors reach JavaScript without a C++ exception crossing into JS frames: every adapter
// entry point runs its body through guarded(), which catches, records the message here and
// returns an empty value; the TypeScript wrapper calls takeError() after each call and throws a
// JS Error with that message. The module stays usable after an error.
#pragma once

#include <emscripten/val.h>

#include <exception>
#include <new>
#include <string>
#include <utility>

namespace gradscope::wasm {

void set_error(std::string message);
// The message of the last failed call, or "" — and clears it.
std::string take_error();

// What a failed call returns: undefined for JavaScript values, a zero value otherwise.
template <typename T>
T failure_value() {
  return T{};
}
template <>
inline emscripten::val failure_value<emscripten::val>() {
  return emscripten::val::undefined();
}

template <typename F>
auto guarded(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    set_error("out of memory: the WebAssembly heap cannot grow enough for this request");
  } catch (const std::exception& e) {
    set_error(e.what());
  } catch (...) {
    set_error("unknown C++ exception");
  }
  return failure_value<decltype(body())>();
}

}  // namespace gradscope::wasm
