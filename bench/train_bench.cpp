// Trains one network on the benchmark's 10,000 MNIST digits with gradscope's Trainer and prints
// one JSON line: samples per second (median over timed epochs after a warm-up epoch), the
// epoch times and the accuracy reached (proof that the epochs really trained).
//   gradscope_bench <data dir> <runtime> <env> <layers, e.g. 784,30,10> <batch size> <epochs>
// Built natively (-O3 -march=native, build/bench-native) and with em++ (SIMD and scalar cores,
// run under node) by scripts/bench.sh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "dataset.hpp"
#include "idx.hpp"
#include "kernels/kernels.hpp"
#include "network.hpp"
#include "sgd.hpp"

namespace {

using gradscope::Dataset;

// The digits as scripts/convert-mnist.mjs writes them (plain IDX, next to the gzipped copies).
Dataset<float> load_mnist(const std::string& dir) {
  return gradscope::idx_dataset(gradscope::read_idx_file(dir + "/mnist-10k-images-idx3-ubyte"),
                                gradscope::read_idx_file(dir + "/mnist-10k-labels-idx1-ubyte"));
}

std::vector<int> parse_layers(const std::string& text) {
  std::vector<int> layers;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) layers.push_back(std::stoi(part));
  return layers;
}

// Multiply-adds ×2 of the three products per sample: w^l a^(l−1) (forward), δ^l (a^(l−1))ᵀ
// (BP4, every layer) and (w^l)ᵀ δ^l (BP2, every layer but the first weighted one).
double flops_per_sample(const std::vector<int>& layers) {
  double flops = 0;
  for (std::size_t l = 1; l < layers.size(); ++l) {
    const double mac = static_cast<double>(layers[l]) * layers[l - 1];
    flops += 2 * mac * (l >= 2 ? 3 : 2);
  }
  return flops;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc != 7) {
      throw std::invalid_argument(
          "usage: gradscope_bench <data dir> <runtime> <env> <layers> <batch size> <epochs>");
    }
    const Dataset<float> data = load_mnist(argv[1]);
    gradscope::NetworkConfig config;
    config.layers = parse_layers(argv[4]);
    config.hidden = config.output = gradscope::Activation::kSigmoid;
    config.cost = gradscope::Cost::kQuadratic;
    config.init = gradscope::Init::kScaled;  // w ~ N(0, 1/n_in), b ~ N(0, 1): Nielsen's network2
    config.seed = 1;
    gradscope::SgdOptions options;
    options.batch_size = std::stoi(argv[5]);
    options.learning_rate = 3.0;
    const int epochs = std::stoi(argv[6]);
    if (epochs < 1) throw std::invalid_argument("epochs " + std::to_string(epochs) + " < 1");

    gradscope::Network<float> net(config);
    gradscope::Trainer<float> trainer(net, options);
    trainer.epoch(data);  // warm-up: page faults, buffer growth, V8 tier-up
    std::vector<double> seconds;
    for (int e = 0; e < epochs; ++e) {
      const auto start = std::chrono::steady_clock::now();
      trainer.epoch(data);
      seconds.push_back(
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::vector<double> sorted = seconds;
    std::sort(sorted.begin(), sorted.end());
    const double median = sorted[sorted.size() / 2];
    const double samples_per_sec = data.size() / median;
    const double accuracy = gradscope::evaluate(net, data).accuracy;

    std::printf(
        "{\"runtime\":\"%s\",\"env\":\"%s\",\"layers\":[%s],\"batchSize\":%d,"
        "\"samplesPerSec\":%.1f,\"gflops\":%.3f,\"kernels\":\"%s\",\"accuracy\":%.4f,"
        "\"harness\":\"c++\",\"epochSeconds\":[",
        argv[2], argv[3], argv[4], options.batch_size, samples_per_sec,
        samples_per_sec * flops_per_sample(config.layers) * 1e-9,
        gradscope::kernels::backend_name(), accuracy);
    for (std::size_t e = 0; e < seconds.size(); ++e) {
      std::printf("%s%.4f", e ? "," : "", seconds[e]);
    }
    std::printf("]}\n");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gradscope_bench: %s\n", e.what());
    return 1;
  }
}
