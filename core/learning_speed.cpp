#include "learning_speed.hpp"

#include <stdexcept>
#include <string>

#include "backprop.hpp"

namespace gradscope {

template <typename T>
std::vector<double> hidden_layer_speeds(const Network<T>& net, const Matrix<T>& x,
                                        const Matrix<T>& y) {
  if (net.num_layers() < 3) {
    throw std::invalid_argument("speed of learning needs a hidden layer, but the network has " +
                                std::to_string(net.num_layers()) + " layers");
  }
  check_input(net, x);
  const Gradients<T> g = backprop(net, x, y);  // g.b[l] is already the batch average
  std::vector<double> speeds;
  for (int l = 2; l < net.num_layers(); ++l)
    speeds.push_back(g.b[l].template cast<double>().norm());
  return speeds;
}

template std::vector<double> hidden_layer_speeds<float>(const Network<float>&, const Matrix<float>&,
                                                        const Matrix<float>&);
template std::vector<double> hidden_layer_speeds<double>(const Network<double>&,
                                                         const Matrix<double>&,
                                                         const Matrix<double>&);

}  // namespace gradscope
