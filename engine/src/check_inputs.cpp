#include <cmath>
#include <string>
#include <vector>

#include "wardsim/engine/projection_inputs.h"
#include "wardsim/error.h"

namespace wardsim::engine {
namespace {

constexpr double kShareTolerance = 1e-6;
const std::string kNoPrefix;

class ProblemList {
 public:
  void add(std::string text) { problems_.push_back(std::move(text)); }
  bool empty() const { return problems_.empty(); }
  std::vector<std::string> take() { return std::move(problems_); }

 private:
  std::vector<std::string> problems_;
};

// Names what is checked; the text is built only when there is a problem to report, since the
// checks run before every projection.
struct Subject {
  const std::string& prefix;  // e.g. "rates 2031"
  const char* name;           // e.g. "death_probability"
  std::string text() const { return prefix.empty() ? name : prefix + " " + name; }
};

template <typename Array>
void check_range(const Array& values, double low, double high, const Subject& what,
                 ProblemList& problems) {
  // Vectorised reductions in the common case: a NaN or an infinity makes the sum non-finite.
  if (values.size() == 0 ||
      (std::isfinite(values.sum()) && values.minCoeff() >= low && values.maxCoeff() <= high)) {
    return;
  }
  if (!values.allFinite()) {
    problems.add(what.text() + ": contains NaN or infinite values");
  } else {
    problems.add(what.text() + ": values must lie in [" + std::to_string(low) + ", " +
                 std::to_string(high) + "], found " + std::to_string(values.minCoeff()) + " .. " +
                 std::to_string(values.maxCoeff()));
  }
}

void check_year(const YearRates& rates, Eigen::Index districts, const std::string& where,
                ProblemList& problems) {
  check_range(rates.death_probability, 0.0, 1.0, Subject{where, "death_probability"}, problems);
  check_range(rates.out_migration_probability, 0.0, 1.0,
              Subject{where, "out_migration_probability"}, problems);
  check_range(rates.move_probability, 0.0, 1.0, Subject{where, "move_probability"}, problems);
  check_range(rates.in_migrant_profile, 0.0, 1.0, Subject{where, "in_migrant_profile"}, problems);
  check_range(rates.male_birth_share * Eigen::Array<double, 1, 1>::Ones(), 0.0, 1.0,
              Subject{where, "male_birth_share"}, problems);
  check_range(rates.fertility_multiplier * Eigen::Array<double, 1, 1>::Ones(), 0.0, 100.0,
              Subject{where, "fertility_multiplier"}, problems);
  check_range(rates.in_migrants * Eigen::Array<double, 1, 1>::Ones(), 0.0, 1e9,
              Subject{where, "in_migrants"}, problems);
  if (std::abs(rates.in_migrant_profile.sum() - 1.0) > kShareTolerance) {
    problems.add(where + " in_migrant_profile: shares must sum to 1");
  }

  const auto sized = [&](Eigen::Index rows, const char* name) {
    if (rows == districts) return true;
    problems.add(where + " " + name + ": expected " + std::to_string(districts) +
                 " districts, found " + std::to_string(rows));
    return false;
  };
  if (sized(rates.fertility.rows(), "fertility")) {
    // As the kernels use it: scaled by the multiplier.
    check_range(rates.fertility * rates.fertility_multiplier, 0.0, 1.0, Subject{where, "fertility"},
                problems);
  }
  if (sized(rates.in_migrant_allocation.size(), "in_migrant_allocation")) {
    check_range(rates.in_migrant_allocation, 0.0, 1.0, Subject{where, "in_migrant_allocation"},
                problems);
    if (std::abs(rates.in_migrant_allocation.sum() - 1.0) > kShareTolerance) {
      problems.add(where + " in_migrant_allocation: shares must sum to 1");
    }
  }
  if (sized(rates.mortality_multiplier.size(), "mortality_multiplier")) {
    check_range(rates.mortality_multiplier, 0.0, 100.0, Subject{where, "mortality_multiplier"},
                problems);
  }
  if (sized(rates.out_migration_multiplier.size(), "out_migration_multiplier")) {
    check_range(rates.out_migration_multiplier, 0.0, 100.0,
                Subject{where, "out_migration_multiplier"}, problems);
  }
  if (sized(rates.move_multiplier.size(), "move_multiplier")) {
    check_range(rates.move_multiplier, 0.0, 100.0, Subject{where, "move_multiplier"}, problems);
  }
  if (rates.move_destination.rows() != districts || rates.move_destination.cols() != districts) {
    problems.add(where + " move_destination: expected a " + std::to_string(districts) + " x " +
                 std::to_string(districts) + " matrix");
    return;
  }
  check_range(rates.move_destination.array(), 0.0, 1.0, Subject{where, "move_destination"},
              problems);
  const bool anyone_moves =
      (rates.move_probability.maxCoeff() > 0.0) && (rates.move_multiplier.maxCoeff() > 0.0);
  for (Eigen::Index origin = 0; origin < districts; ++origin) {
    // Movers leave their district; their destinations must account for every one of them.
    if (rates.move_destination(origin, origin) != 0.0) {
      problems.add(where + " move_destination: district " + std::to_string(origin) +
                   " moves to itself");
    }
    const double row_sum = rates.move_destination.row(origin).sum();
    if (anyone_moves && rates.move_multiplier(origin) > 0.0 &&
        std::abs(row_sum - 1.0) > kShareTolerance) {
      problems.add(where + " move_destination: shares of district " + std::to_string(origin) +
                   " sum to " + std::to_string(row_sum) + ", expected 1");
    }
  }
}

}  // namespace

void check_inputs(const ProjectionInputs& inputs) {
  ProblemList problems;
  const auto& dims = inputs.dims;
  const Eigen::Index districts = dims.district_count();
  if (districts == 0) problems.add("dimensions: no districts");
  if (dims.end_year <= dims.base_year) {
    problems.add("dimensions: end_year " + std::to_string(dims.end_year) +
                 " must be after base_year " + std::to_string(dims.base_year));
  }
  if (inputs.base_population.rows() != districts) {
    problems.add("base_population: expected " + std::to_string(districts) + " districts, found " +
                 std::to_string(inputs.base_population.rows()));
  } else {
    check_range(inputs.base_population, 0.0, 1e9, Subject{kNoPrefix, "base_population"}, problems);
  }
  if (static_cast<int>(inputs.rates.size()) != dims.steps()) {
    problems.add("rates: expected " + std::to_string(dims.steps()) + " years, found " +
                 std::to_string(inputs.rates.size()));
  }
  for (std::size_t i = 0; i < inputs.rates.size() && problems.empty(); ++i) {
    check_year(inputs.rates[i], districts,
               "rates " + std::to_string(dims.base_year + static_cast<int>(i)), problems);
  }
  if (!problems.empty()) throw InputError(problems.take());
}

}  // namespace wardsim::engine
