#include "features_adapter.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "error_slot.hpp"
#include "features.hpp"
#include "js_arrays.hpp"

namespace gradscope::wasm {

using emscripten::val;

val apply_features_js(const val& x, int m, const val& names) {
  return guarded([&] {
    if (m < 0) throw std::invalid_argument("sample count " + std::to_string(m) + " < 0");
    std::vector<std::string> list;
    const std::size_t k = js_length(names);
    for (std::size_t i = 0; i < k; ++i) {
      const val name = names[i];
      if (!name.isString()) {
        throw std::invalid_argument("feature name " + std::to_string(i) + " is not a string");
      }
      list.push_back(name.as<std::string>());
    }
    const std::vector<Feature> features = parse_features(list);
    return samples_to_js(apply_features(samples_from_js(x, 2, m, "x"), features));
  });
}

}  // namespace gradscope::wasm
