// The IDX reader: well-formed files parse, every malformed one is rejected with its bad value.
#include "idx.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gradscope {
namespace {

std::vector<std::uint8_t> idx_bytes(std::vector<int> dims, int fill) {
  std::vector<std::uint8_t> b = {0, 0, 0x08, static_cast<std::uint8_t>(dims.size())};
  std::size_t n = 1;
  for (int d : dims) {
    for (int k = 3; k >= 0; --k) b.push_back(static_cast<std::uint8_t>((d >> (8 * k)) & 0xff));
    n *= d;
  }
  for (std::size_t i = 0; i < n; ++i) b.push_back(static_cast<std::uint8_t>((i * fill) % 256));
  return b;
}

void expect_message(const std::vector<std::uint8_t>& b, const std::string& fragment) {
  try {
    parse_idx(b.data(), b.size());
    FAIL() << "expected a rejection mentioning " << fragment;
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(Idx, ParsesImagesAndLabels) {
  const auto images = idx_bytes({3, 2, 2}, 37);
  const auto labels = idx_bytes({3}, 4);  // labels 0, 4, 8
  const IdxArray im = parse_idx(images.data(), images.size());
  const IdxArray lb = parse_idx(labels.data(), labels.size());
  EXPECT_EQ(im.dims, (std::vector<int>{3, 2, 2}));
  const Dataset<float> d = idx_dataset(im, lb, 10);
  EXPECT_EQ(d.x.rows(), 4);
  EXPECT_EQ(d.size(), 3);
  EXPECT_FLOAT_EQ(d.x(1, 0), 37 / 255.0f);
  EXPECT_EQ(d.labels, (std::vector<int>{0, 4, 8}));
  EXPECT_EQ(d.y(8, 2), 1.0f);
  EXPECT_EQ(idx_dataset(im, lb, 10, 2).size(), 2);
}

TEST(Idx, RejectsMalformedFiles) {
  auto good = idx_bytes({2, 3}, 1);
  auto truncated = good;
  truncated.pop_back();
  expect_message(truncated, "truncated");
  expect_message(truncated, "found 5");
  auto trailing = good;
  trailing.push_back(0);
  expect_message(trailing, "trailing");
  auto gz = good;
  gz[0] = 0x1f;
  gz[1] = 0x8b;
  expect_message(gz, "bad IDX magic number 0x1f8b");
  auto floats = good;
  floats[2] = 0x0d;
  expect_message(floats, "element type 0xd");
  expect_message({0, 0}, "2 bytes");
  expect_message({0, 0, 8, 3, 0, 0}, "header alone needs 16");
  expect_message(idx_bytes({0}, 1), "bad size 0");
  // 2^16 × 2^16 × 2^16 elements: the size check must not overflow, in wasm32 either.
  expect_message({0, 0, 8, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0}, "more than 2^40");
}

TEST(Idx, RejectsMismatchedPairs) {
  const auto im = idx_bytes({3, 2, 2}, 1);
  const auto lb = idx_bytes({2}, 1);
  const auto big = idx_bytes({3}, 6);  // labels 0, 6, 12
  const IdxArray images = parse_idx(im.data(), im.size());
  EXPECT_THROW(idx_dataset(images, parse_idx(lb.data(), lb.size())), std::invalid_argument);
  try {
    idx_dataset(images, parse_idx(big.data(), big.size()), 10);
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("label 12"), std::string::npos) << e.what();
  }
  EXPECT_THROW(read_idx_file("/nonexistent/train-images-idx3-ubyte"), std::invalid_argument);
}

// An IdxArray built by hand (the package's idxDataset given { dims, data }): dims whose product
// wraps in a 32-bit size_t must not pass for a small array.
TEST(Idx, DatasetChecksDimsAgainstDataIn64Bits) {
  const auto lb = idx_bytes({1}, 0);
  const IdxArray labels = parse_idx(lb.data(), lb.size());
  const auto expect_shape_error = [&](std::vector<int> dims, std::size_t bytes,
                                      const std::string& fragment) {
    IdxArray images;
    images.dims = std::move(dims);
    images.data.assign(bytes, 0);
    try {
      idx_dataset(images, labels);
      FAIL() << "expected a rejection mentioning " << fragment;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    }
  };
  expect_shape_error({65536, 65536}, 0, "IDX images dims describe more than 0 values");
  expect_shape_error({1, 65536, 65537}, 65536, "describe 4295032832 values");
  expect_shape_error({3, 1431655766}, 2, "describe more than 2 values");
  expect_shape_error({1, 2, 2}, 5, "describe 4 values but its data has 5 bytes");
  expect_shape_error({1, 0}, 0, "IDX images dimension 1 is 0");
  expect_shape_error({}, 0, "IDX images has no dimensions");
  IdxArray images;
  images.dims = {1, 2, 2};
  images.data.assign(4, 255);
  EXPECT_EQ(idx_dataset(images, labels).x.rows(), 4);
}

}  // namespace
}  // namespace gradscope
