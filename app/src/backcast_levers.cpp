#include "backcast_levers.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>

#include "number_format.h"
#include "wardsim/models/backcast/demographic_indicator.h"
#include "wardsim/models/backcast/path_projection.h"

namespace wardsim::app {
namespace {

namespace bc = models::backcast;

std::string value_text(const bc::Target& target, double value) {
  std::ostringstream text;
  if (target.indicator == bc::TargetIndicator::ChildShare0To14) {
    text.precision(3);
    text << std::fixed << value << " %";
  } else if (target.indicator == bc::TargetIndicator::PublishedPath) {
    text.precision(4);
    text << std::fixed << value;
  } else {
    text << thousands(value);
  }
  return text.str();
}

// How far `value` is outside the bounds (0 inside) and which bound it misses.
double violation(const bc::Target& target, double value, double* bound) {
  if (value < target.at_least) {
    *bound = target.at_least;
    return target.at_least - value;
  }
  if (value > target.at_most) {
    *bound = target.at_most;
    return value - target.at_most;
  }
  return 0.0;
}

void check_range(std::size_t t, const engine::Projection& projection, const LeverRun& rerun,
                 bc::BackcastReport& report) {
  const bc::Target& target = report.targets.targets[t];
  bc::TargetOutcome& outcome = report.outcomes[t];
  bc::DemographicCheck check;
  check.target = t;
  int worst_year = 0;
  double worst = 0.0;
  double worst_bound = 0.0;
  std::vector<int> missed;
  for (int year = target.from_year; year <= target.to_year; ++year) {
    const double value = bc::demographic_value(target, projection, year);
    check.years.push_back(year);
    check.values.push_back(value);
    double bound = 0.0;
    const double miss = violation(target, value, &bound);
    if (miss > 0.0) missed.push_back(year);
    if (miss > worst) {
      worst = miss;
      worst_year = year;
      worst_bound = bound;
    }
  }
  report.demographic.push_back(check);
  if (missed.empty()) {
    outcome.status = "met";
    return;
  }
  const double at_worst = check.values[static_cast<std::size_t>(worst_year - target.from_year)];
  outcome.findings.push_back(
      "missed in " + std::to_string(missed.size()) + " of " + std::to_string(check.years.size()) +
      " years (" + std::to_string(missed.front()) + "-" + std::to_string(missed.back()) +
      "); furthest in " + std::to_string(worst_year) + ": " + value_text(target, at_worst) +
      " against " + value_text(target, worst_bound));
  if (!target.lever) {
    outcome.status = "infeasible";
    outcome.findings.push_back("no lever named to reach it (add lever = { key = ..., low, high })");
    return;
  }
  const bc::Lever& lever = *target.lever;
  auto indicator = [&](double x) {
    return bc::demographic_value(target, rerun(lever.key, x), worst_year);
  };
  const double tolerance = target.indicator == bc::TargetIndicator::ChildShare0To14 ? 1e-4 : 1.0;
  bc::LeverResult result;
  result.target = t;
  result.key = lever.key;
  result.year = worst_year;
  result.target_value = worst_bound;
  result.solution = bc::solve_lever(indicator, worst_bound, lever.low, lever.high, tolerance);
  const bool increasing = result.solution.at_high > result.solution.at_low;
  result.higher_meets = (worst_bound == target.at_least) == increasing;
  if (!result.solution.solved) {
    outcome.status = "infeasible";
    outcome.findings.push_back("cannot be reached with " + lever.key + " in " +
                               lever_text(lever.low) + ".." + lever_text(lever.high) + ": " +
                               result.solution.reason);
    report.levers.push_back(result);
    return;
  }
  outcome.status = "needs_action";
  outcome.findings.push_back(
      std::string(result.higher_meets ? "needs " : "needs ") + lever.key +
      (result.higher_meets ? " ≥ " : " ≤ ") + lever_text(result.solution.value) + " (gives " +
      value_text(target, result.solution.achieved) + " in " + std::to_string(worst_year) + ", " +
      std::to_string(result.solution.evaluations) + " projections)");
  // The lever is solved for the furthest year; the other years are checked at that value.
  const engine::Projection solved = rerun(lever.key, result.solution.value);
  std::vector<int> still;
  for (int year = target.from_year; year <= target.to_year; ++year) {
    double bound = 0.0;
    if (violation(target, bc::demographic_value(target, solved, year), &bound) > tolerance) {
      still.push_back(year);
    }
  }
  if (!still.empty()) {
    outcome.findings.push_back("at that value it is still missed in " +
                               std::to_string(still.size()) + " years (" +
                               std::to_string(still.front()) + "-" + std::to_string(still.back()) +
                               "): one constant lever value cannot meet every year");
  }
  report.levers.push_back(result);
}

void follow_path(std::size_t t, const engine::ProjectionInputs& inputs,
                 const engine::Projection& projection, bc::BackcastReport& report) {
  const bc::Target& target = report.targets.targets[t];
  bc::TargetOutcome& outcome = report.outcomes[t];
  double largest = 0.0;
  bc::PathResult path;
  path.target = t;
  for (const auto& rates : inputs.rates) {
    largest = std::max(largest, rates.in_migrants);
    path.scenario_in_migrants.push_back(rates.in_migrants);
  }
  // The bracket: from no in-migration to ten times the scenario's largest year (or a million).
  const double ceiling = largest > 0.0 ? 10.0 * largest : 1e6;
  const bc::PathProjection solved = bc::follow_total_path(inputs, target.path, ceiling);
  path.in_migrants = solved.in_migrants;
  path.unreachable_years = solved.unreachable_years;
  const double base = projection.total(0);
  std::vector<int> missed;
  for (int i = 0; i < projection.dims.years(); ++i) {
    const int year = projection.dims.base_year + i;
    path.years.push_back(year);
    path.target_ratio.push_back(solved.target_ratio[static_cast<std::size_t>(i)]);
    path.achieved_ratio.push_back(solved.projection.total(i) / solved.projection.total(0));
    const double wanted = path.target_ratio.back();
    if (year >= target.from_year && year <= target.to_year && wanted > 0.0 &&
        std::abs(projection.total(i) / base - wanted) > 1e-3) {
      missed.push_back(year);
    }
  }
  std::ostringstream text;
  const int last = target.path.back().year;
  text << "the scenario " << (missed.empty() ? "follows" : "leaves") << " the path";
  if (!missed.empty()) text << " by more than 0.1 % in " << missed.size() << " years";
  text << "; in-migrants a year that follow it, in the year before each path year: ";
  for (std::size_t k = 0; k < target.path.size(); ++k) {
    const int year = target.path[k].year;
    const std::size_t step = static_cast<std::size_t>(year - projection.dims.base_year - 1);
    text << (k == 0 ? "" : ", ") << year - 1 << "-" << year << " "
         << thousands(path.in_migrants[step]) << " (scenario "
         << thousands(path.scenario_in_migrants[step]) << ")";
  }
  text << "; the last level held after " << last;
  outcome.findings.push_back(text.str());
  if (!solved.unreachable_years.empty()) {
    outcome.status = "infeasible";
    outcome.findings.push_back("no in-migration level in 0.." + thousands(ceiling) +
                               " reaches the path in " +
                               std::to_string(solved.unreachable_years.size()) + " years (first " +
                               std::to_string(solved.unreachable_years.front()) + ")");
  } else {
    outcome.status = missed.empty() ? "met" : "needs_action";
  }
  report.paths.push_back(path);
}

}  // namespace

std::string lever_text(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return {buffer, result.ptr};
}

void backcast_demography(const engine::ProjectionInputs& inputs,
                         const engine::Projection& projection, const LeverRun& rerun,
                         bc::BackcastReport& report) {
  for (std::size_t t = 0; t < report.targets.targets.size(); ++t) {
    switch (report.targets.targets[t].indicator) {
      case bc::TargetIndicator::ChildShare0To14:
      case bc::TargetIndicator::WardTotal:
        check_range(t, projection, rerun, report);
        break;
      case bc::TargetIndicator::PublishedPath:
        follow_path(t, inputs, projection, report);
        break;
      default:
        break;
    }
  }
}

void find_contradictions(const engine::Projection& projection, bc::BackcastReport& report) {
  auto contradict = [&](std::size_t a, std::size_t b, const std::string& why) {
    for (std::size_t t : {a, b}) {
      const std::string& other = report.targets.targets[t == a ? b : a].name;
      report.outcomes[t].status = "contradictory";
      report.outcomes[t].findings.push_back("contradicts '" + other + "': " + why);
    }
  };
  // Two solved levers on the same key: each holds on one side of its root.
  for (std::size_t i = 0; i < report.levers.size(); ++i) {
    for (std::size_t j = i + 1; j < report.levers.size(); ++j) {
      const bc::LeverResult& a = report.levers[i];
      const bc::LeverResult& b = report.levers[j];
      if (a.key != b.key || !a.solution.solved || !b.solution.solved) continue;
      const bc::LeverResult& low_side = a.higher_meets ? b : a;   // needs ≤
      const bc::LeverResult& high_side = a.higher_meets ? a : b;  // needs ≥
      if (a.higher_meets == b.higher_meets) continue;
      if (high_side.solution.value > low_side.solution.value) {
        contradict(a.target, b.target,
                   a.key + " must be ≥ " + lever_text(high_side.solution.value) +
                       " for one and ≤ " + lever_text(low_side.solution.value) + " for the other");
      }
    }
  }
  // A ward-total range that the published path itself leaves.
  const double base = projection.total(0);
  const int districts = projection.dims.district_count();
  for (std::size_t p = 0; p < report.targets.targets.size(); ++p) {
    const bc::Target& path = report.targets.targets[p];
    if (path.indicator != bc::TargetIndicator::PublishedPath) continue;
    for (std::size_t w = 0; w < report.targets.targets.size(); ++w) {
      const bc::Target& range = report.targets.targets[w];
      if (range.indicator != bc::TargetIndicator::WardTotal ||
          static_cast<int>(range.districts.size()) != districts) {
        continue;
      }
      const int last = std::min({range.to_year, path.to_year, path.path.back().year});
      for (int year = std::max(range.from_year, path.from_year); year <= last; ++year) {
        const double total = base * bc::path_ratio(path.path, projection.dims.base_year, year);
        if (total < range.at_least || total > range.at_most) {
          contradict(p, w,
                     "following the path gives " + thousands(total) + " residents in " +
                         std::to_string(year) + ", outside the range");
          break;
        }
      }
    }
  }
}

}  // namespace wardsim::app
