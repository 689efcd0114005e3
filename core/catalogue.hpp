// The catalogue: one table per concept (activations, costs, initialisers, problem kinds,
// synthetic data sets, and the (output, cost) pairs the core trains). parse_*, *_name, validate()
// and the tests walk these tables, and the package's catalogue is checked against them, so a new
// row here is the only list to extend. Each enum value has exactly one row
// (tests/core/catalogue_test.cpp).
#pragma once

#include <cstddef>
#include <limits>

#include "activation.hpp"
#include "cost.hpp"
#include "dataset.hpp"
#include "features.hpp"
#include "network.hpp"

namespace gradscope {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

// What σ'(z) = 0 means for a unit: it stopped learning because it is "dead" (ReLU, z < 0 for
// every input), "saturated" (σ, tanh: |z| large), or σ' is never 0 ("never").
enum class ZeroDerivative { kDead, kSaturated, kNever };
const char* zero_derivative_name(ZeroDerivative z);

struct ActivationInfo {
  Activation id;
  const char* name;
  double max_derivative;                  // ceiling of σ': each vanishing factor's bound
  double derivative_min, derivative_max;  // σ' takes values in [min, max]
  ZeroDerivative zero_derivative;         // what σ' = 0 means
  bool hidden, output;                    // allowed as a hidden / an output activation
  double output_min, output_max;          // a = σ(z) lies in this range (open ends at ±∞)
  int min_output_units;                   // softmax needs two units to normalise over
};

inline constexpr ActivationInfo kActivations[] = {
    {Activation::kSigmoid, "sigmoid", 0.25, 0.0, 0.25, ZeroDerivative::kSaturated, true, true, 0.0,
     1.0, 1},
    {Activation::kTanh, "tanh", 1.0, 0.0, 1.0, ZeroDerivative::kSaturated, true, true, -1.0, 1.0,
     1},
    {Activation::kRelu, "relu", 1.0, 0.0, 1.0, ZeroDerivative::kDead, true, true, 0.0, kInfinity,
     1},
    {Activation::kLeakyRelu, "leaky-relu", 1.0, kLeakyReluSlope, 1.0, ZeroDerivative::kNever, true,
     true, -kInfinity, kInfinity, 1},
    {Activation::kIdentity, "identity", 1.0, 1.0, 1.0, ZeroDerivative::kNever, true, true,
     -kInfinity, kInfinity, 1},
    // Softmax's σ' is the Jacobian diagonal y(1 − y), at most 1/4 at y = 1/2.
    {Activation::kSoftmax, "softmax", 0.25, 0.0, 0.25, ZeroDerivative::kSaturated, false, true, 0.0,
     1.0, 2},
};

struct CostInfo {
  Cost id;
  const char* name;
  // What the cost needs of the output layer, for the error message (nullptr: any output).
  const char* output_requirement;
};

inline constexpr CostInfo kCosts[] = {
    {Cost::kQuadratic, "quadratic", nullptr},
    {Cost::kCrossEntropy, "cross-entropy", "outputs in (0, 1)"},
    {Cost::kLogLikelihood, "log-likelihood", "a softmax output"},
};

struct FeatureInfo {
  Feature id;
  const char* name;  // the package's FeatureName (wasm/src/catalogue.ts, same order)
};

// The inputs a plane data set can be given (features.hpp computes them): x₁, x₂, x₁², x₂², x₁x₂,
// sin x₁, sin x₂.
inline constexpr FeatureInfo kFeatures[] = {
    {Feature::kX1, "x1"},          {Feature::kX2, "x2"},     {Feature::kX1Squared, "x1sq"},
    {Feature::kX2Squared, "x2sq"}, {Feature::kX1X2, "x1x2"}, {Feature::kSinX1, "sinx1"},
    {Feature::kSinX2, "sinx2"},
};

// How BP1, δ^L = ∂C/∂z^L, is formed for a pair (seed, section 2): ∂C/∂a ⊙ σ'(z) ("hadamard"),
// Jᵀ ∂C/∂a with the softmax Jacobian ("softmax-jacobian"), or a − y directly ("shortcut").
enum class Bp1Form { kHadamard, kSoftmaxJacobian, kShortcut };
const char* bp1_form_name(Bp1Form f);

struct OutputCostPair {
  Activation output;
  Cost cost;
  Bp1Form bp1;
};

// Every (output activation, cost) pair the core trains; validate() refuses the others. Per
// output, the book's pairing (the shortcut δ^L = a − y) comes first: pages offer them in this
// order.
inline constexpr OutputCostPair kOutputCostPairs[] = {
    {Activation::kSigmoid, Cost::kCrossEntropy, Bp1Form::kShortcut},
    {Activation::kSoftmax, Cost::kLogLikelihood, Bp1Form::kShortcut},
    {Activation::kSoftmax, Cost::kCrossEntropy, Bp1Form::kSoftmaxJacobian},
    {Activation::kSigmoid, Cost::kQuadratic, Bp1Form::kHadamard},
    {Activation::kTanh, Cost::kQuadratic, Bp1Form::kHadamard},
    {Activation::kRelu, Cost::kQuadratic, Bp1Form::kHadamard},
    {Activation::kLeakyRelu, Cost::kQuadratic, Bp1Form::kHadamard},
    {Activation::kIdentity, Cost::kQuadratic, Bp1Form::kHadamard},
    {Activation::kSoftmax, Cost::kQuadratic, Bp1Form::kSoftmaxJacobian},
};

struct InitInfo {
  Init id;
  const char* name;
  // Weights N(0, weight_gain / fan), fan = n_in when scaled by fan-in and 1 otherwise; biases
  // N(0, 1) or 0.
  double weight_gain;
  bool fan_in_scaled;
  bool zero_biases;
};

inline constexpr InitInfo kInits[] = {
    {Init::kLarge, "large", 1.0, false, false},   // the book's chapter 1
    {Init::kScaled, "scaled", 1.0, true, false},  // the book's network2 default
    {Init::kHe, "he", 2.0, true, true},
};

struct ProblemInfo {
  ProblemKind id;
  const char* name;
  const char* measure;  // what evaluate() reports beside the loss
};

inline constexpr ProblemInfo kProblems[] = {
    {ProblemKind::kClassification, "classification", "accuracy"},
    // R² = 1 − Σ(a − y)² / Σ(y − ȳ)², with the mean squared error beside it (evaluation.hpp).
    {ProblemKind::kRegression, "regression", "r2"},
};

// "plane": points in [-1, 1]² (a boundary or value heatmap is drawn); "line": 1-D function
// fitting, x in [-1, 1] (the fitted curve is drawn).
enum class DataKind { kPlane, kLine };
const char* data_kind_name(DataKind k);

struct SyntheticInfo {
  SyntheticKind id;
  const char* name;
  DataKind kind;
  ProblemKind problem;
  int input_features;
  int classes;                   // by default (0: regression, one real-valued target)
  int min_classes, max_classes;  // the `classes` option's range ([0, 0] for regression)
};

inline constexpr SyntheticInfo kSynthetics[] = {
    {SyntheticKind::kCircle, "circle", DataKind::kPlane, ProblemKind::kClassification, 2, 2, 2, 2},
    {SyntheticKind::kXor, "xor", DataKind::kPlane, ProblemKind::kClassification, 2, 2, 2, 2},
    {SyntheticKind::kGaussians, "gaussians", DataKind::kPlane, ProblemKind::kClassification, 2, 2,
     2, 6},
    {SyntheticKind::kSpiral, "spiral", DataKind::kPlane, ProblemKind::kClassification, 2, 2, 2, 6},
    {SyntheticKind::kPlane, "plane", DataKind::kPlane, ProblemKind::kRegression, 2, 0, 0, 0},
    {SyntheticKind::kBumps, "bumps", DataKind::kPlane, ProblemKind::kRegression, 2, 0, 0, 0},
    {SyntheticKind::kSine, "sine", DataKind::kLine, ProblemKind::kRegression, 1, 0, 0, 0},
    {SyntheticKind::kAbs, "abs", DataKind::kLine, ProblemKind::kRegression, 1, 0, 0, 0},
    {SyntheticKind::kStep, "step", DataKind::kLine, ProblemKind::kRegression, 1, 0, 0, 0},
};

// The row of a value (every enum value has one).
const ActivationInfo& activation_info(Activation f);
const CostInfo& cost_info(Cost c);
const FeatureInfo& feature_info(Feature f);
const InitInfo& init_info(Init i);
const SyntheticInfo& synthetic_info(SyntheticKind k);
const ProblemInfo& problem_info(ProblemKind p);

// The pair's row, or nullptr when the core does not train that pair.
const OutputCostPair* find_output_cost_pair(Activation output, Cost cost);

}  // namespace gradscope
