// Reader for the IDX format of MNIST and Fashion-MNIST: a big-endian header (two zero bytes, an
// element type, a dimension count, then one 32-bit size per dimension) followed by the data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "dataset.hpp"

namespace gradscope {

struct IdxArray {
  std::vector<int> dims;
  std::vector<std::uint8_t> data;  // unsigned bytes, row-major
};

// Parses an in-memory IDX file of unsigned bytes (type 0x08). Throws std::invalid_argument for a
// bad magic number, an unsupported element type, a zero dimension, or a size that does not match
// the header (truncated or trailing bytes), naming the value found.
IdxArray parse_idx(const std::uint8_t* bytes, std::size_t length);

// Throws std::invalid_argument unless a's dims are all ≥ 1 and their product (in 64 bits, so it
// cannot wrap in wasm32's 32-bit size_t) is exactly its byte count; `what` starts the message.
void check_idx_shape(const IdxArray& a, const std::string& what);

// Reads a whole file and parses it; a missing file throws std::invalid_argument naming the path.
IdxArray read_idx_file(const std::string& path);

// Images (N × rows × cols) scaled to [0, 1] as columns of x, labels (N) as one-hot rows of y.
// Throws when an array's dims do not describe its data (check_idx_shape), the counts disagree
// or a label is ≥ num_classes. At most `limit` samples
// (0 = all).
Dataset<float> idx_dataset(const IdxArray& images, const IdxArray& labels, int num_classes = 10,
                           int limit = 0);

}  // namespace gradscope
