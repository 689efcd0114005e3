#include "evaluation.hpp"

#include <limits>
#include <stdexcept>
#include <string>

#include "cost.hpp"
#include "forward.hpp"

namespace gradscope {

template <typename T>
std::vector<int> predicted_labels(const Matrix<T>& output) {
  std::vector<int> labels(output.cols());
  for (Eigen::Index c = 0; c < output.cols(); ++c) {
    if (output.rows() == 1) {
      labels[c] = output(0, c) >= T(0.5) ? 1 : 0;
    } else {
      Eigen::Index best = 0;
      output.col(c).maxCoeff(&best);
      labels[c] = static_cast<int>(best);
    }
  }
  return labels;
}

namespace {

// mse and R² of outputs a against targets y (both n_L × N), summed in double precision.
void regression_measures(const Matrix<double>& a, const Matrix<double>& y, Evaluation& e) {
  const double residual = (a - y).squaredNorm();             // Σ(a − y)²
  const Vector<double> mean = y.rowwise().mean();            // ȳ per output unit
  const double spread = (y.colwise() - mean).squaredNorm();  // Σ(y − ȳ)²
  e.mse = residual / static_cast<double>(y.size());
  e.r2 = spread > 0.0 ? 1.0 - residual / spread : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

template <typename T>
Evaluation evaluate(const Network<T>& net, const Dataset<T>& data) {
  validate(data);
  Evaluation e;
  e.problem = data.problem;
  if (data.problem == ProblemKind::kRegression) e.r2 = std::numeric_limits<double>::quiet_NaN();
  if (data.size() == 0) return e;
  ForwardPass<T> fp;
  forward(net, data.x, fp, false);
  const int L = net.num_layers();
  e.loss = cost_value(net.cost(), net.activation(L), fp.z[L], data.y);  // from z^L: exact
  switch (data.problem) {
    case ProblemKind::kClassification: {
      const std::vector<int> p = predicted_labels(fp.a[L]);
      int correct = 0;
      for (std::size_t i = 0; i < p.size(); ++i) correct += p[i] == data.labels[i];
      e.accuracy = static_cast<double>(correct) / data.size();
      break;
    }
    case ProblemKind::kRegression:
      regression_measures(fp.a[L].template cast<double>(), data.y.template cast<double>(), e);
      break;
  }
  return e;
}

template <typename T>
ConfusionMatrix confusion_matrix(const Network<T>& net, const Dataset<T>& data) {
  if (data.problem != ProblemKind::kClassification) {
    throw std::invalid_argument("a confusion matrix needs a classification data set, not " +
                                std::string(problem_name(data.problem)));
  }
  validate(data);
  ConfusionMatrix m;
  m.classes = net.output_size() == 1 ? 2 : net.output_size();
  m.counts.assign(static_cast<std::size_t>(m.classes) * m.classes, 0);
  if (data.size() == 0) return m;
  const std::vector<int> p = predicted_labels(predict(net, data.x));
  for (int i = 0; i < data.size(); ++i) {
    const int t = data.labels[i];
    if (t < 0 || t >= m.classes) {
      throw std::invalid_argument("label " + std::to_string(t) + " of sample " + std::to_string(i) +
                                  " is outside 0.." + std::to_string(m.classes - 1));
    }
    ++m.counts[t * m.classes + p[i]];
  }
  return m;
}

#define GRADSCOPE_INSTANTIATE(T)                                         \
  template std::vector<int> predicted_labels<T>(const Matrix<T>&);       \
  template Evaluation evaluate<T>(const Network<T>&, const Dataset<T>&); \
  template ConfusionMatrix confusion_matrix<T>(const Network<T>&, const Dataset<T>&);
GRADSCOPE_INSTANTIATE(float)
GRADSCOPE_INSTANTIATE(double)
#undef GRADSCOPE_INSTANTIATE

}  // namespace gradscope
