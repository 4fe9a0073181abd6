#include "wardsim/io/backcast_writer.h"

#include <cstdint>
#include <vector>

#include "backcast_group.h"

namespace wardsim::io {
namespace {

using h5::Shape;
namespace bc = models::backcast;

std::vector<std::int32_t> ints(const std::vector<int>& values) {
  return {values.begin(), values.end()};
}

// Eigen's default is column-major; HDF5 wants rows contiguous.
void write_matrix(h5::File& h5, const std::string& path, const Eigen::ArrayXXd& values,
                  const char* dims, const std::string& units) {
  std::vector<double> data(static_cast<std::size_t>(values.size()));
  for (Eigen::Index r = 0; r < values.rows(); ++r) {
    for (Eigen::Index c = 0; c < values.cols(); ++c) {
      data[static_cast<std::size_t>(r * values.cols() + c)] = values(r, c);
    }
  }
  h5.write_doubles(
      path, {static_cast<std::uint64_t>(values.rows()), static_cast<std::uint64_t>(values.cols())},
      data);
  h5.write_string_attribute(path, "dims", dims);
  h5.write_string_attribute(path, "units", units);
}

void write_targets(h5::File& h5, const std::string& group, const bc::BackcastReport& report) {
  std::vector<std::string> names, indicators, statuses, findings;
  std::vector<std::int32_t> from, to;
  std::vector<double> at_least, at_most;
  for (std::size_t t = 0; t < report.targets.targets.size(); ++t) {
    const bc::Target& target = report.targets.targets[t];
    names.push_back(target.name);
    indicators.push_back(bc::indicator_name(target.indicator));
    statuses.push_back(report.outcomes[t].status);
    std::string text;
    for (const auto& finding : report.outcomes[t].findings)
      text += (text.empty() ? "" : "\n") + finding;
    findings.push_back(text);
    from.push_back(target.from_year);
    to.push_back(target.to_year);
    at_least.push_back(target.at_least);
    at_most.push_back(target.at_most);
  }
  const std::string g = group + "/targets";
  h5.create_group(g, true);
  h5.write_strings(g + "/name", names);
  h5.write_strings(g + "/indicator", indicators);
  h5.write_strings(g + "/status", statuses);
  h5.write_string_attribute(g + "/status", "values",
                            "met, needs_action, too_late, infeasible, contradictory");
  h5.write_strings(g + "/findings", findings);
  h5.write_ints(g + "/from_year", from);
  h5.write_ints(g + "/to_year", to);
  h5.write_doubles(g + "/at_least", {at_least.size()}, at_least);
  h5.write_doubles(g + "/at_most", {at_most.size()}, at_most);
  h5.write_string_attribute(g + "/at_least", "note", "-inf / inf: no bound");
}

void write_schedules(h5::File& h5, const std::string& group, const bc::BackcastReport& report) {
  for (std::size_t s = 0; s < report.services.size(); ++s) {
    const bc::ServiceTargetResult& result = report.services[s];
    const std::string& name = report.targets.targets[result.target].name;
    const std::string g = group + "/schedules/" + name;
    const std::string& units = result.need.units;
    h5.create_group(g, true);
    h5.write_string_attribute(g, "facility", result.need.facility);
    h5.write_int_attribute(g, "lead_time", result.schedule.lead_time);
    h5.write_int_attribute(g, "earliest_feasible_year", result.schedule.earliest_feasible_year);
    h5.write_strings(g + "/unit", result.need.unit_labels);
    h5.write_ints(g + "/unit_district", ints(result.need.unit_district));
    write_matrix(h5, g + "/demand", result.need.demand, "year,unit", units);
    write_matrix(h5, g + "/capacity", result.need.capacity, "year,unit", units);
    write_matrix(h5, g + "/added", result.schedule.added, "year,unit", units);
    write_matrix(h5, g + "/permanent", result.schedule.permanent, "year,unit", units);
    write_matrix(h5, g + "/transient", result.schedule.transient, "year,unit", units);

    std::vector<std::int32_t> unit, need_year, decide_by, too_late;
    std::vector<double> places;
    for (const bc::Decision& d : result.schedule.decisions) {
      unit.push_back(d.unit);
      need_year.push_back(d.need_year);
      decide_by.push_back(d.decide_by);
      too_late.push_back(d.too_late ? 1 : 0);
      places.push_back(d.places);
    }
    const std::string dg = g + "/decisions";
    h5.create_group(dg, true);
    h5.write_ints(dg + "/unit", unit);
    h5.write_ints(dg + "/need_year", need_year);
    h5.write_ints(dg + "/decide_by", decide_by);
    h5.write_doubles(dg + "/places", {places.size()}, places);
    h5.write_ints(dg + "/too_late", too_late);

    std::vector<std::int32_t> peak, first, largest_year;
    std::vector<double> largest;
    for (const bc::UnitSurplus& u : result.surplus) {
      peak.push_back(u.peak_year);
      first.push_back(u.first_surplus_year);
      largest.push_back(u.largest_surplus);
      largest_year.push_back(u.largest_surplus_year);
    }
    const std::string pg = g + "/post_peak";
    h5.create_group(pg, true);
    h5.write_ints(pg + "/peak_year", peak);
    h5.write_ints(pg + "/first_surplus_year", first);
    h5.write_doubles(pg + "/largest_surplus", {largest.size()}, largest);
    h5.write_ints(pg + "/largest_surplus_year", largest_year);
  }
}

void write_conversions(h5::File& h5, const std::string& group, const bc::BackcastReport& report) {
  std::vector<std::string> from, to;
  std::vector<std::int32_t> district, first, largest_year;
  std::vector<double> largest;
  for (const bc::ConversionOffer& offer : report.offers) {
    from.push_back(offer.from);
    to.push_back(offer.to);
    district.push_back(offer.district);
    first.push_back(offer.first_year);
    largest.push_back(offer.largest_places);
    largest_year.push_back(offer.largest_year);
  }
  const std::string g = group + "/conversions";
  h5.create_group(g, true);
  h5.write_strings(g + "/from", from);
  h5.write_strings(g + "/to", to);
  h5.write_ints(g + "/district", district);
  h5.write_ints(g + "/first_year", first);
  h5.write_doubles(g + "/largest_places", {largest.size()}, largest);
  h5.write_ints(g + "/largest_year", largest_year);
}

void write_least_cost(h5::File& h5, const std::string& group, const bc::BackcastReport& report) {
  const std::string g = group + "/least_cost";
  h5.create_group(g, true);
  h5.write_string_attribute(g, "status", report.least_cost.status);
  h5.write_int_attribute(g, "solved", report.least_cost.solved ? 1 : 0);
  h5.write_double_attribute(g, "cost", report.least_cost.cost);
  h5.write_double_attribute(g, "lower_bound", report.least_cost.lower_bound);
  h5.write_int_attribute(g, "proven_optimal", report.least_cost.proven_optimal ? 1 : 0);
  h5.write_string_attribute(g, "solver", "GLPK (glp_intopt, integer places)");
  if (!report.least_cost.solved) return;
  for (std::size_t s = 0; s < report.services.size(); ++s) {
    const bc::ServicePlan& plan = report.least_cost.plans[s];
    const auto& result = report.services[s];
    const std::string pg = g + "/" + report.targets.targets[result.target].name;
    h5.create_group(pg, true);
    h5.write_double_attribute(pg, "cost", plan.cost);
    write_matrix(h5, pg + "/build", plan.build, "year,unit", result.need.units);
    write_matrix(h5, pg + "/temporary", plan.temporary, "year,unit", result.need.units);
    write_matrix(h5, pg + "/convert", plan.convert, "year,unit", result.need.units);
    h5.write_ints(pg + "/unmet_years", ints(plan.unmet_years));
  }
}

void write_levers(h5::File& h5, const std::string& group, const bc::BackcastReport& report) {
  std::vector<std::string> target, key, reason;
  std::vector<std::int32_t> year, solved, evaluations, higher;
  std::vector<double> wanted, value, achieved;
  for (const bc::LeverResult& lever : report.levers) {
    target.push_back(report.targets.targets[lever.target].name);
    key.push_back(lever.key);
    reason.push_back(lever.solution.reason);
    year.push_back(lever.year);
    solved.push_back(lever.solution.solved ? 1 : 0);
    evaluations.push_back(lever.solution.evaluations);
    higher.push_back(lever.higher_meets ? 1 : 0);
    wanted.push_back(lever.target_value);
    value.push_back(lever.solution.value);
    achieved.push_back(lever.solution.achieved);
  }
  const std::string g = group + "/levers";
  h5.create_group(g, true);
  h5.write_strings(g + "/target", target);
  h5.write_strings(g + "/key", key);
  h5.write_ints(g + "/year", year);
  h5.write_doubles(g + "/target_value", {wanted.size()}, wanted);
  h5.write_doubles(g + "/value", {value.size()}, value);
  h5.write_doubles(g + "/achieved", {achieved.size()}, achieved);
  h5.write_ints(g + "/solved", solved);
  h5.write_ints(g + "/higher_meets", higher);
  h5.write_ints(g + "/evaluations", evaluations);
  h5.write_strings(g + "/reason", reason);
}

void write_paths(h5::File& h5, const std::string& group, const bc::BackcastReport& report) {
  for (const bc::PathResult& path : report.paths) {
    const std::string g = group + "/paths/" + report.targets.targets[path.target].name;
    h5.create_group(g, true);
    h5.write_ints(g + "/year", ints(path.years));
    h5.write_doubles(g + "/target_ratio", {path.target_ratio.size()}, path.target_ratio);
    h5.write_string_attribute(g + "/target_ratio", "note",
                              "total / base-year total; 0 after the path");
    h5.write_doubles(g + "/achieved_ratio", {path.achieved_ratio.size()}, path.achieved_ratio);
    h5.write_doubles(g + "/in_migrants", {path.in_migrants.size()}, path.in_migrants);
    h5.write_string_attribute(g + "/in_migrants", "dims", "flow_year");
    h5.write_string_attribute(g + "/in_migrants", "units", "persons per year");
    h5.write_doubles(g + "/scenario_in_migrants", {path.scenario_in_migrants.size()},
                     path.scenario_in_migrants);
    h5.write_ints(g + "/unreachable_years", ints(path.unreachable_years));
  }
  for (const bc::DemographicCheck& check : report.demographic) {
    const std::string g = group + "/demographic/" + report.targets.targets[check.target].name;
    h5.create_group(g, true);
    h5.write_ints(g + "/year", ints(check.years));
    h5.write_doubles(g + "/value", {check.values.size()}, check.values);
  }
}

}  // namespace

void write_backcast_group(h5::File& h5, const std::string& scenario_group,
                          const engine::Dimensions& dims, const bc::BackcastReport& report) {
  const std::string group = scenario_group + "/backcast";
  h5.create_group(group, true);
  h5.write_string_attribute(group, "targets_file", report.targets_file);
  h5.write_string_attribute(group, "title", report.targets.title);
  h5.write_int_attribute(group, "base_year", dims.base_year);
  h5.write_strings_attribute(group, "assumptions", report.targets.assumptions);
  write_targets(h5, group, report);
  write_schedules(h5, group, report);
  write_conversions(h5, group, report);
  write_least_cost(h5, group, report);
  write_levers(h5, group, report);
  write_paths(h5, group, report);
}

void write_backcast_results(const std::filesystem::path& file, ScenarioResults scenario,
                            const bc::BackcastReport& report) {
  scenario.backcast = &report;
  write_results(file, {scenario});
}

}  // namespace wardsim::io
