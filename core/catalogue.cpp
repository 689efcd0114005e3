// parse_*, *_name and the row look-ups, all walking the tables of catalogue.hpp.
#include "catalogue.hpp"

#include <stdexcept>
#include <string>

namespace gradscope {
namespace {

// The row whose id is `id`; the tables hold one row per enum value (catalogue_test.cpp).
template <typename Row, std::size_t N, typename Id>
const Row& row_of(const Row (&table)[N], Id id, const char* what) {
  for (const Row& row : table) {
    if (row.id == id) return row;
  }
  throw std::invalid_argument(std::string(what) + " " + std::to_string(static_cast<int>(id)) +
                              " has no catalogue row");
}

// The row named `name`, or std::invalid_argument naming it and listing the valid names.
template <typename Row, std::size_t N>
const Row& row_named(const Row (&table)[N], const std::string& name, const char* what) {
  std::string valid;
  for (const Row& row : table) {
    if (name == row.name) return row;
    valid += (valid.empty() ? "" : ", ") + std::string(row.name);
  }
  throw std::invalid_argument("unknown " + std::string(what) + " '" + name + "' (valid: " + valid +
                              ")");
}

}  // namespace

const ActivationInfo& activation_info(Activation f) {
  return row_of(kActivations, f, "activation");
}
const CostInfo& cost_info(Cost c) { return row_of(kCosts, c, "cost"); }
const InitInfo& init_info(Init i) { return row_of(kInits, i, "init"); }
const SyntheticInfo& synthetic_info(SyntheticKind k) { return row_of(kSynthetics, k, "data set"); }
const ProblemInfo& problem_info(ProblemKind p) { return row_of(kProblems, p, "problem"); }

Activation parse_activation(const std::string& name) {
  return row_named(kActivations, name, "activation").id;
}
const char* activation_name(Activation f) { return activation_info(f).name; }
double max_derivative(Activation f) { return activation_info(f).max_derivative; }

Cost parse_cost(const std::string& name) { return row_named(kCosts, name, "cost").id; }
const char* cost_name(Cost c) { return cost_info(c).name; }

const FeatureInfo& feature_info(Feature f) { return row_of(kFeatures, f, "feature"); }
Feature parse_feature(const std::string& name) { return row_named(kFeatures, name, "feature").id; }
const char* feature_name(Feature f) { return feature_info(f).name; }

Init parse_init(const std::string& name) { return row_named(kInits, name, "init").id; }
const char* init_name(Init i) { return init_info(i).name; }

SyntheticKind parse_synthetic(const std::string& name) {
  return row_named(kSynthetics, name, "data set").id;
}
const char* synthetic_name(SyntheticKind k) { return synthetic_info(k).name; }

const OutputCostPair* find_output_cost_pair(Activation output, Cost cost) {
  for (const OutputCostPair& pair : kOutputCostPairs) {
    if (pair.output == output && pair.cost == cost) return &pair;
  }
  return nullptr;
}

const char* zero_derivative_name(ZeroDerivative z) {
  switch (z) {
    case ZeroDerivative::kDead:
      return "dead";
    case ZeroDerivative::kSaturated:
      return "saturated";
    case ZeroDerivative::kNever:
      return "never";
  }
  throw std::invalid_argument("unknown zero-derivative meaning");
}

const char* bp1_form_name(Bp1Form f) {
  switch (f) {
    case Bp1Form::kHadamard:
      return "hadamard";
    case Bp1Form::kSoftmaxJacobian:
      return "softmax-jacobian";
    case Bp1Form::kShortcut:
      return "shortcut";
  }
  throw std::invalid_argument("unknown BP1 form");
}

ProblemKind parse_problem(const std::string& name) {
  return row_named(kProblems, name, "problem").id;
}
const char* problem_name(ProblemKind p) { return problem_info(p).name; }

const char* data_kind_name(DataKind k) {
  switch (k) {
    case DataKind::kPlane:
      return "plane";
    case DataKind::kLine:
      return "line";
  }
  throw std::invalid_argument("unknown data kind");
}

}  // namespace gradscope
