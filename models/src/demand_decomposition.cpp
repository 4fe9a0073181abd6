#include "wardsim/models/demand_decomposition.h"

#include <array>
#include <string>

#include "wardsim/error.h"

namespace wardsim::models {
namespace {

// The three factors of D = N × Σ_k s_k r_k, in the order of `At`'s flags.
enum Factor { kPopulationSize = 0, kAgeStructure = 1, kRates = 2 };
using At = std::array<bool, 3>;  // per factor: true = its `to` value, false = its `from` value

// The 3! orders in which the factors can move from their `from` to their `to` value.
constexpr std::array<std::array<Factor, 3>, 6> kOrders = {
    {{kPopulationSize, kAgeStructure, kRates},
     {kPopulationSize, kRates, kAgeStructure},
     {kAgeStructure, kPopulationSize, kRates},
     {kAgeStructure, kRates, kPopulationSize},
     {kRates, kPopulationSize, kAgeStructure},
     {kRates, kAgeStructure, kPopulationSize}}};

void check_same_shape(const DemandFactors& from, const DemandFactors& to) {
  const auto shape_ok = [](const DemandFactors& f) {
    return f.shares.rows() == f.population.size() && f.rates.rows() == f.population.size() &&
           f.shares.cols() == f.rates.cols();
  };
  if (!shape_ok(from) || !shape_ok(to) || from.population.size() != to.population.size() ||
      from.shares.cols() != to.shares.cols()) {
    throw InputError({"demand decomposition: the two years' factors have different shapes"});
  }
}

}  // namespace

Eigen::ArrayXd DemandFactors::demand() const {
  return population * (shares * rates).rowwise().sum();
}

DemandDecomposition shapley_decomposition(const DemandFactors& from, const DemandFactors& to,
                                          int from_year, int to_year) {
  check_same_shape(from, to);
  const Eigen::Index districts = from.population.size();
  DemandDecomposition result;
  result.from_year = from_year;
  result.to_year = to_year;
  result.total_change = to.demand() - from.demand();
  std::array<Eigen::ArrayXd, 3> effects;
  effects.fill(Eigen::ArrayXd::Zero(districts));
  for (Eigen::Index d = 0; d < districts; ++d) {
    const auto value = [&](const At& at) {
      const double n = (at[kPopulationSize] ? to : from).population(d);
      const auto s = (at[kAgeStructure] ? to : from).shares.row(d);
      const auto r = (at[kRates] ? to : from).rates.row(d);
      return n * (s * r).sum();
    };
    for (const auto& order : kOrders) {
      At at = {false, false, false};
      double before = value(at);
      for (const Factor factor : order) {
        at[factor] = true;
        const double after = value(at);
        effects[factor](d) += after - before;
        before = after;
      }
    }
  }
  result.population_size = effects[kPopulationSize] / 6.0;
  result.age_structure = effects[kAgeStructure] / 6.0;
  result.rates = effects[kRates] / 6.0;
  return result;
}

namespace {

// The same split for every service: its demand factors in both years, and the quantity they form.
template <typename Parameters>
DemandDecomposition decompose(const engine::Projection& projection, const Parameters& p,
                              int from_year, int to_year, const char* quantity) {
  DemandDecomposition result =
      shapley_decomposition(demand_factors(projection, p, from_year),
                            demand_factors(projection, p, to_year), from_year, to_year);
  result.quantity = quantity;
  return result;
}

}  // namespace

DemandDecomposition decompose_demand(const engine::Projection& projection,
                                     const ChildcareParameters& p, int from_year, int to_year) {
  return decompose(projection, p, from_year, to_year, "demand");
}

DemandDecomposition decompose_demand(const engine::Projection& projection,
                                     const SchoolParameters& p, int from_year, int to_year) {
  return decompose(projection, p, from_year, to_year, "public_pupils");
}

DemandDecomposition decompose_demand(const engine::Projection& projection,
                                     const ElderlyCareParameters& p, int from_year, int to_year) {
  return decompose(projection, p, from_year, to_year, "residential_demand");
}

DemandDecomposition decompose_demand(const engine::Projection& projection,
                                     const InfrastructureParameters& p, int from_year,
                                     int to_year) {
  return decompose(projection, p, from_year, to_year, "evacuation_help_needed");
}

}  // namespace wardsim::models
