#include "wardsim/io/backcast_writer.h"

#include <cstdint>
#include <type_traits>
#include <variant>
#include <vector>

#include "backcast_group.h"

namespace wardsim::io {
namespace {

namespace bc = models::backcast;

// A table of records is written as one 1-D dataset per field, all of the same length.
using ColumnValues =
    std::variant<std::vector<std::int32_t>, std::vector<double>, std::vector<std::string>>;
struct Column {
  std::string name;
  ColumnValues values;
};

// The values of one field over `rows`: whole numbers and flags as int32, the rest as they are.
template <typename Rows, typename Field>
ColumnValues column(const Rows& rows, Field field) {
  using Value = std::decay_t<decltype(field(*std::begin(rows)))>;
  using Stored = std::conditional_t<std::is_integral_v<Value>, std::int32_t, Value>;
  std::vector<Stored> values;
  for (const auto& row : rows) values.push_back(static_cast<Stored>(field(row)));
  return values;
}

ColumnValues ints(const std::vector<int>& values) {
  return std::vector<std::int32_t>(values.begin(), values.end());
}

// Writes every column into `group` (created if missing).
void write_columns(h5::File& h5, const std::string& group, const std::vector<Column>& columns) {
  if (!h5.is_group(group)) h5.create_group(group, true);
  for (const Column& column : columns) {
    const std::string path = group + "/" + column.name;
    if (const auto* i = std::get_if<std::vector<std::int32_t>>(&column.values)) {
      h5.write_ints(path, *i);
    } else if (const auto* d = std::get_if<std::vector<double>>(&column.values)) {
      h5.write_doubles(path, {d->size()}, *d);
    } else {
      h5.write_strings(path, std::get<std::vector<std::string>>(column.values));
    }
  }
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
  std::vector<std::string> findings;
  for (const bc::TargetOutcome& outcome : report.outcomes) {
    std::string text;
    for (const auto& finding : outcome.findings) text += (text.empty() ? "" : "\n") + finding;
    findings.push_back(text);
  }
  const auto& targets = report.targets.targets;
  std::vector<std::string> statuses;
  for (std::size_t t = 0; t < targets.size(); ++t) statuses.push_back(report.outcomes[t].status);
  const std::string g = group + "/targets";
  write_columns(
      h5, g,
      {{"name", column(targets, [](const bc::Target& t) { return t.name; })},
       {"indicator",
        column(targets, [](const bc::Target& t) { return bc::indicator_name(t.indicator); })},
       {"status", statuses},
       {"findings", findings},
       {"from_year", column(targets, [](const bc::Target& t) { return t.from_year; })},
       {"to_year", column(targets, [](const bc::Target& t) { return t.to_year; })},
       {"at_least", column(targets, [](const bc::Target& t) { return t.at_least; })},
       {"at_most", column(targets, [](const bc::Target& t) { return t.at_most; })}});
  h5.write_string_attribute(g + "/status", "values",
                            "met, needs_action, too_late, infeasible, contradictory");
  h5.write_string_attribute(g + "/at_least", "note", "-inf / inf: no bound");
}

void write_schedules(h5::File& h5, const std::string& group, const bc::BackcastReport& report) {
  for (const bc::ServiceTargetResult& result : report.services) {
    const std::string& name = report.targets.targets[result.target].name;
    const std::string g = group + "/schedules/" + name;
    const std::string& units = result.need.units;
    write_columns(
        h5, g,
        {{"unit", result.need.unit_labels}, {"unit_district", ints(result.need.unit_district)}});
    h5.write_string_attribute(g, "facility", result.need.facility);
    h5.write_string_attribute(g, "demand_basis", result.demand_basis);
    h5.write_int_attribute(g, "lead_time", result.schedule.lead_time);
    h5.write_int_attribute(g, "earliest_feasible_year", result.schedule.earliest_feasible_year);
    write_matrix(h5, g + "/demand", result.need.demand, "year,unit", units);
    write_matrix(h5, g + "/capacity", result.need.capacity, "year,unit", units);
    write_matrix(h5, g + "/added", result.schedule.added, "year,unit", units);
    write_matrix(h5, g + "/permanent", result.schedule.permanent, "year,unit", units);
    write_matrix(h5, g + "/transient", result.schedule.transient, "year,unit", units);

    using D = bc::Decision;
    const auto& decisions = result.schedule.decisions;
    write_columns(h5, g + "/decisions",
                  {{"unit", column(decisions, [](const D& d) { return d.unit; })},
                   {"need_year", column(decisions, [](const D& d) { return d.need_year; })},
                   {"decide_by", column(decisions, [](const D& d) { return d.decide_by; })},
                   {"places", column(decisions, [](const D& d) { return d.places; })},
                   {"too_late", column(decisions, [](const D& d) { return d.too_late; })}});

    using U = bc::UnitSurplus;
    const auto& surplus = result.surplus;
    write_columns(
        h5, g + "/post_peak",
        {{"peak_year", column(surplus, [](const U& u) { return u.peak_year; })},
         {"first_surplus_year", column(surplus, [](const U& u) { return u.first_surplus_year; })},
         {"largest_surplus", column(surplus, [](const U& u) { return u.largest_surplus; })},
         {"largest_surplus_year",
          column(surplus, [](const U& u) { return u.largest_surplus_year; })}});
  }
}

void write_conversions(h5::File& h5, const std::string& group, const bc::BackcastReport& report) {
  using O = bc::ConversionOffer;
  const auto& offers = report.offers;
  write_columns(h5, group + "/conversions",
                {{"from", column(offers, [](const O& o) { return o.from; })},
                 {"to", column(offers, [](const O& o) { return o.to; })},
                 {"district", column(offers, [](const O& o) { return o.district; })},
                 {"first_year", column(offers, [](const O& o) { return o.first_year; })},
                 {"largest_places", column(offers, [](const O& o) { return o.largest_places; })},
                 {"largest_year", column(offers, [](const O& o) { return o.largest_year; })}});
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
  h5.write_double_attribute(g, "discount_rate", report.targets.discount_rate);
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
    write_columns(h5, pg, {{"unmet_years", ints(plan.unmet_years)}});
  }
}

void write_levers(h5::File& h5, const std::string& group, const bc::BackcastReport& report) {
  using L = bc::LeverResult;
  const auto& levers = report.levers;
  const auto& targets = report.targets.targets;
  write_columns(h5, group + "/levers",
                {{"target", column(levers, [&](const L& l) { return targets[l.target].name; })},
                 {"key", column(levers, [](const L& l) { return l.key; })},
                 {"year", column(levers, [](const L& l) { return l.year; })},
                 {"target_value", column(levers, [](const L& l) { return l.target_value; })},
                 {"value", column(levers, [](const L& l) { return l.solution.value; })},
                 {"achieved", column(levers, [](const L& l) { return l.solution.achieved; })},
                 {"solved", column(levers, [](const L& l) { return l.solution.solved; })},
                 {"higher_meets", column(levers, [](const L& l) { return l.higher_meets; })},
                 {"evaluations", column(levers, [](const L& l) { return l.solution.evaluations; })},
                 {"reason", column(levers, [](const L& l) { return l.solution.reason; })}});
}

void write_paths(h5::File& h5, const std::string& group, const bc::BackcastReport& report) {
  for (const bc::PathResult& path : report.paths) {
    const std::string g = group + "/paths/" + report.targets.targets[path.target].name;
    write_columns(h5, g,
                  {{"year", ints(path.years)},
                   {"target_ratio", path.target_ratio},
                   {"achieved_ratio", path.achieved_ratio},
                   {"in_migrants", path.in_migrants},
                   {"scenario_in_migrants", path.scenario_in_migrants},
                   {"unreachable_years", ints(path.unreachable_years)}});
    h5.write_string_attribute(g + "/target_ratio", "note",
                              "total / base-year total; 0 after the path");
    h5.write_string_attribute(g + "/in_migrants", "dims", "flow_year");
    h5.write_string_attribute(g + "/in_migrants", "units", "persons per year");
  }
  for (const bc::DemographicCheck& check : report.demographic) {
    write_columns(h5, group + "/demographic/" + report.targets.targets[check.target].name,
                  {{"year", ints(check.years)}, {"value", check.values}});
  }
}

// The ensemble and probability the schedules were sized with (absent: central projection).
void write_uncertainty(h5::File& h5, const std::string& group, const bc::UncertaintyBasis& u) {
  const std::string g = group + "/uncertainty";
  h5.create_group(g, true);
  h5.write_double_attribute(g, "probability", u.probability);
  h5.write_string_attribute(g, "ensemble_file", u.ensemble_file);
  h5.write_string_attribute(g, "ensemble_sha256", u.ensemble_sha256);
  h5.write_string_attribute(g, "ensemble_scenario", u.ensemble_scenario);
  h5.write_string_attribute(g, "source", u.source);
  h5.write_string_attribute(g, "method", u.method);
  h5.write_int_attribute(g, "draws", u.draws);
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
  if (report.uncertainty.has_value()) write_uncertainty(h5, group, *report.uncertainty);
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
