#include "idx.hpp"

#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace gradscope {

namespace {

std::string hex(unsigned v) {
  std::ostringstream s;
  s << "0x" << std::hex << v;
  return s.str();
}

}  // namespace

IdxArray parse_idx(const std::uint8_t* bytes, std::size_t length) {
  if (length < 4) {
    throw std::invalid_argument("IDX data of " + std::to_string(length) +
                                " bytes is shorter than its 4-byte magic number");
  }
  const unsigned magic = (unsigned(bytes[0]) << 24) | (unsigned(bytes[1]) << 16) |
                         (unsigned(bytes[2]) << 8) | unsigned(bytes[3]);
  if (bytes[0] != 0 || bytes[1] != 0) {
    throw std::invalid_argument("bad IDX magic number " + hex(magic) +
                                " (must start with two zero bytes; gzip files must be unpacked)");
  }
  if (bytes[2] != 0x08) {
    throw std::invalid_argument("unsupported IDX element type " + hex(bytes[2]) +
                                " (only unsigned bytes, 0x8, are supported)");
  }
  const int ndims = bytes[3];
  if (ndims < 1) throw std::invalid_argument("IDX dimension count 0 (need at least 1)");
  const std::size_t header = 4 + 4 * static_cast<std::size_t>(ndims);
  if (length < header) {
    throw std::invalid_argument("IDX file truncated: " + std::to_string(length) +
                                " bytes, header alone needs " + std::to_string(header));
  }
  IdxArray out;
  std::uint64_t count = 1;  // 64-bit even in wasm32, where size_t has 32 bits
  for (int i = 0; i < ndims; ++i) {
    const std::uint8_t* p = bytes + 4 + 4 * i;
    const std::uint32_t d = (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) |
                            (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
    if (d == 0 || d > 0x7fffffffu) {
      throw std::invalid_argument("IDX dimension " + std::to_string(i) + " has bad size " +
                                  std::to_string(d));
    }
    out.dims.push_back(static_cast<int>(d));
    if (count > (std::uint64_t(1) << 40) / d) {
      throw std::invalid_argument("IDX dimensions describe more than 2^40 elements");
    }
    count *= d;
  }
  if (std::uint64_t(length - header) != count) {
    throw std::invalid_argument(std::string(std::uint64_t(length - header) < count
                                                ? "IDX file truncated"
                                                : "IDX file has trailing bytes") +
                                ": header promises " + std::to_string(count) +
                                " data bytes, found " + std::to_string(length - header));
  }
  out.data.assign(bytes + header, bytes + length);
  return out;
}

void check_idx_shape(const IdxArray& a, const std::string& what) {
  if (a.dims.empty()) throw std::invalid_argument(what + " has no dimensions");
  for (std::size_t i = 0; i < a.dims.size(); ++i) {
    if (a.dims[i] < 1) {
      throw std::invalid_argument(what + " dimension " + std::to_string(i) + " is " +
                                  std::to_string(a.dims[i]) + ", expected >= 1");
    }
  }
  // Multiplying stops once the product passes the byte count, so it stays below bytes · 2^31
  // and cannot wrap; a complete product is exact.
  const std::uint64_t bytes = a.data.size();
  std::uint64_t count = 1;
  bool beyond = false;
  for (int d : a.dims) {
    if (beyond) break;
    beyond = count > bytes;
    if (!beyond) count *= static_cast<std::uint64_t>(d);
  }
  if (beyond || count != bytes) {
    throw std::invalid_argument(
        what + " dims describe " +
        (beyond ? "more than " + std::to_string(bytes) : std::to_string(count)) +
        " values but its data has " + std::to_string(bytes) + " bytes");
  }
}

IdxArray read_idx_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot open IDX file '" + path + "'");
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                        std::istreambuf_iterator<char>());
  return parse_idx(bytes.data(), bytes.size());
}

Dataset<float> idx_dataset(const IdxArray& images, const IdxArray& labels, int num_classes,
                           int limit) {
  check_idx_shape(images, "IDX images");
  check_idx_shape(labels, "IDX labels");
  if (images.dims.size() < 2) {
    throw std::invalid_argument("IDX images need at least 2 dimensions, got " +
                                std::to_string(images.dims.size()));
  }
  if (labels.dims.size() != 1) {
    throw std::invalid_argument("IDX labels need 1 dimension, got " +
                                std::to_string(labels.dims.size()));
  }
  if (images.dims[0] != labels.dims[0]) {
    throw std::invalid_argument("IDX image count " + std::to_string(images.dims[0]) +
                                " does not match label count " + std::to_string(labels.dims[0]));
  }
  if (limit < 0) throw std::invalid_argument("sample limit " + std::to_string(limit) + " < 0");
  int n = images.dims[0];
  if (limit > 0 && limit < n) n = limit;
  const std::size_t width = images.data.size() / static_cast<std::size_t>(images.dims[0]);
  Dataset<float> d;
  d.x.resize(static_cast<Eigen::Index>(width), n);
  d.labels.resize(n);
  for (int i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < width; ++k) d.x(k, i) = images.data[i * width + k] / 255.0f;
    d.labels[i] = labels.data[i];
    if (d.labels[i] >= num_classes) {
      throw std::invalid_argument("label " + std::to_string(d.labels[i]) + " of sample " +
                                  std::to_string(i) + " is not below the class count " +
                                  std::to_string(num_classes));
    }
  }
  d.y = targets_from_labels<float>(d.labels, num_classes);
  return d;
}

}  // namespace gradscope
