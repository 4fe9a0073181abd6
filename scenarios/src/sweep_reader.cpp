// Reading a sweep file: the keys of docs/batch.md, validated all at once, and the design expanded
// into named variants.

#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>

#include "scenario_keys.h"
#include "wardsim/error.h"
#include "wardsim/scenarios/input_reader.h"
#include "wardsim/scenarios/scenario_document.h"
#include "wardsim/scenarios/sweep.h"
#include "wardsim/scenarios/sweep_design.h"

namespace wardsim::scenarios {
namespace {

namespace fs = std::filesystem;

// The keys a sweep file may hold, for "unknown key (did you mean …)" messages.
constexpr std::string_view kSweepKeys[] = {"sweep",
                                           "sweep.name",
                                           "sweep.title",
                                           "sweep.base",
                                           "variants",
                                           "grid",
                                           "latin_hypercube",
                                           "latin_hypercube.samples",
                                           "latin_hypercube.seed",
                                           "latin_hypercube.ranges",
                                           "monte_carlo",
                                           "monte_carlo.draws",
                                           "monte_carlo.seed",
                                           "monte_carlo.multipliers"};
constexpr std::string_view kVariantKeys[] = {"name", "set"};
constexpr std::string_view kMultiplierKeys[] = {"distribution", "sigma", "min", "max"};

// Most draws a sweep may ask for: the ensemble keeps its reduced rows in memory (docs/batch.md).
constexpr std::int64_t kMaxDraws = 1'000'000;
constexpr std::int64_t kMaxScenarios = 100'000;

// Shortest text that reads back as exactly `value`: what a variant's override records.
std::string exact_text(double value) {
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

template <std::size_t N>
std::string suggestion(std::string_view key, const std::string_view (&known)[N]) {
  std::string_view best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const auto candidate : known) {
    const std::size_t distance = edit_distance(key, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  if (best_distance > std::max<std::size_t>(2, key.size() / 5)) return {};
  return " (did you mean '" + std::string(best) + "'?)";
}

bool is_name(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

class SweepParser {
 public:
  SweepParser(const fs::path& file, ProblemList& problems)
      : display_(file.string()), problems_(problems) {}

  void problem(const std::string& message) { problems_.add(display_ + ": " + message); }

  void check_known_keys(const toml::table& root) {
    for (auto&& [name, node] : root) {
      const std::string key(name.str());
      if (!known(key)) {
        problem("unknown key '" + key + "'" + suggestion(key, kSweepKeys));
      } else if (const auto* section = node.as_table();
                 section != nullptr &&
                 (key == "sweep" || key == "latin_hypercube" || key == "monte_carlo")) {
        for (auto&& [child, value] : *section) {
          const std::string full = key + "." + std::string(child.str());
          if (!known(full)) problem("unknown key '" + full + "'" + suggestion(full, kSweepKeys));
        }
      }
    }
  }

  std::optional<std::string> text(const toml::table& root, std::string_view key, bool required,
                                  std::string_view what) {
    const toml::node_view<const toml::node> node = root.at_path(key);
    if (!node) {
      if (required)
        problem("missing required key '" + std::string(key) + "' (" + std::string(what) + ")");
      return std::nullopt;
    }
    if (!node.is_string()) {
      problem("key '" + std::string(key) + "' must be a string, found " +
              describe_value(*node.node()));
      return std::nullopt;
    }
    return *node.value<std::string>();
  }

  // An integer in [min, max].
  std::optional<std::int64_t> integer(const toml::node* node, const std::string& key,
                                      std::int64_t min, std::int64_t max) {
    if (node == nullptr) {
      problem("missing required key '" + key + "' (an integer between " + std::to_string(min) +
              " and " + std::to_string(max) + ")");
      return std::nullopt;
    }
    const auto value = node->value<std::int64_t>();
    if (!node->is_integer() || !value || *value < min || *value > max) {
      problem("key '" + key + "' must be an integer between " + std::to_string(min) + " and " +
              std::to_string(max) + ", found " + describe_value(*node));
      return std::nullopt;
    }
    return value;
  }

  std::optional<double> number(const toml::node& node, const std::string& key) {
    if (!node.is_number()) {
      problem("key '" + key + "' must be a number, found " + describe_value(node));
      return std::nullopt;
    }
    return *node.value<double>();
  }

  // A scenario key named in the sweep (e.g. "fertility.tfr"): must look like a dotted key. Whether
  // the scenario knows it is checked against the base scenario (check_sweep_levers).
  bool scenario_key(std::string_view key, const std::string& where) {
    if (key.empty() || key.front() == '.' || key.back() == '.' ||
        key.find("..") != std::string_view::npos) {
      problem(where + ": '" + std::string(key) +
              "' is not a dotted scenario key such as fertility.tfr");
      return false;
    }
    return true;
  }

 private:
  static bool known(std::string_view key) {
    return std::find(std::begin(kSweepKeys), std::end(kSweepKeys), key) != std::end(kSweepKeys);
  }

  std::string display_;
  ProblemList& problems_;
};

std::vector<SweepVariant> read_variants(const toml::node& node, SweepParser& parser) {
  std::vector<SweepVariant> variants;
  const auto* list = node.as_array();
  if (list != nullptr && list->empty()) {
    parser.problem("key 'variants' is empty: the sweep has no scenarios");
    return variants;
  }
  if (list == nullptr || !list->is_homogeneous(toml::node_type::table)) {
    parser.problem(
        "key 'variants' must be an array of tables ([[variants]] with name and set), found " +
        describe_value(node));
    return variants;
  }
  std::map<std::string, int> seen;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const auto& table = *list->get(i)->as_table();
    const std::string where = "variant #" + std::to_string(i + 1);
    for (auto&& [name, value] : table) {
      const std::string key(name.str());
      if (std::find(std::begin(kVariantKeys), std::end(kVariantKeys), key) ==
          std::end(kVariantKeys)) {
        parser.problem(where + ": unknown key '" + key + "'" + suggestion(key, kVariantKeys));
      }
    }
    SweepVariant variant;
    const auto* name = table.get("name");
    if (name == nullptr || !name->is_string() || !is_name(*name->value<std::string>())) {
      parser.problem(
          where + ": key 'name' must be a string of lowercase letters, digits and _" +
          (name == nullptr ? std::string(", and is missing") : ", found " + describe_value(*name)));
    } else {
      variant.name = *name->value<std::string>();
      if (++seen[variant.name] == 2) {
        parser.problem(where + ": name '" + variant.name +
                       "' is used by an earlier variant; each needs its own");
      }
    }
    if (const auto* set = table.get("set")) {
      const auto* overrides = set->as_table();
      if (overrides == nullptr) {
        parser.problem(where + ": key 'set' must be a table of \"scenario.key\" = number, found " +
                       describe_value(*set));
      } else {
        for (auto&& [key, value] : *overrides) {
          const std::string name_of = std::string(key.str());
          if (!parser.scenario_key(name_of, where)) continue;
          if (const auto number =
                  parser.number(value, "variants." + variant.name + ".set." + name_of)) {
            variant.overrides.push_back(name_of + "=" + exact_text(*number));
          }
        }
      }
    }
    variants.push_back(std::move(variant));
  }
  return variants;
}

// "grid_001"… numbered from 1, padded to the width of the largest number.
std::string numbered(const char* prefix, std::size_t index, std::size_t count) {
  std::string number = std::to_string(index + 1);
  const std::size_t width = std::max<std::size_t>(3, std::to_string(count).size());
  return std::string(prefix) + "_" + std::string(width - number.size(), '0') + number;
}

std::vector<SweepVariant> read_grid(const toml::node& node, SweepParser& parser) {
  const auto* grid = node.as_table();
  if (grid == nullptr) {
    parser.problem("key 'grid' must be a table of \"scenario.key\" = [values], found " +
                   describe_value(node));
    return {};
  }
  std::vector<std::string> keys;
  std::vector<std::vector<double>> values;
  bool ok = true;
  for (auto&& [key, list_node] : *grid) {
    const std::string name(key.str());
    const std::string where = "grid." + name;
    if (!parser.scenario_key(name, "grid")) {
      ok = false;
      continue;
    }
    const auto* list = list_node.as_array();
    if (list == nullptr || list->empty()) {
      parser.problem("key '" + where + "' must be a non-empty array of numbers, found " +
                     (list == nullptr ? describe_value(list_node) : std::string("an empty array")));
      ok = false;
      continue;
    }
    std::vector<double> key_values;
    for (const auto& item : *list) {
      if (const auto number = parser.number(item, where))
        key_values.push_back(*number);
      else
        ok = false;
    }
    keys.push_back(name);
    values.push_back(std::move(key_values));
  }
  if (grid->empty()) parser.problem("key 'grid' is empty: the sweep has no scenarios");
  if (!ok || keys.empty()) return {};
  const auto points = grid_points(values);
  if (points.size() > static_cast<std::size_t>(kMaxScenarios)) {
    parser.problem("the grid has " + std::to_string(points.size()) + " points, more than " +
                   std::to_string(kMaxScenarios));
    return {};
  }
  std::vector<SweepVariant> variants;
  for (std::size_t i = 0; i < points.size(); ++i) {
    SweepVariant variant{numbered("grid", i, points.size()), {}};
    for (std::size_t k = 0; k < keys.size(); ++k) {
      variant.overrides.push_back(keys[k] + "=" + exact_text(points[i][k]));
    }
    variants.push_back(std::move(variant));
  }
  return variants;
}

struct LatinRange {
  std::string key;
  double min = 0.0;
  double max = 0.0;
};

std::vector<SweepVariant> read_latin_hypercube(const toml::node& node, SweepParser& parser,
                                               std::vector<LatinRange>& ranges) {
  const auto* lhs = node.as_table();
  if (lhs == nullptr) {
    parser.problem("key 'latin_hypercube' must be a table (samples, seed, ranges), found " +
                   describe_value(node));
    return {};
  }
  const auto samples =
      parser.integer(lhs->get("samples"), "latin_hypercube.samples", 1, kMaxScenarios);
  const auto seed = parser.integer(lhs->get("seed"), "latin_hypercube.seed", 0,
                                   std::numeric_limits<std::int64_t>::max());
  const auto* range_node = lhs->get("ranges");
  const auto* range_table = range_node == nullptr ? nullptr : range_node->as_table();
  if (range_table == nullptr || range_table->empty()) {
    parser.problem(
        "key 'latin_hypercube.ranges' must be a non-empty table of \"scenario.key\" = "
        "[min, max], found " +
        (range_node == nullptr    ? std::string("nothing")
         : range_table == nullptr ? describe_value(*range_node)
                                  : std::string("an empty table")));
    return {};
  }
  bool ok = true;
  for (auto&& [key, value] : *range_table) {
    const std::string name(key.str());
    const std::string where = "latin_hypercube.ranges." + name;
    if (!parser.scenario_key(name, "latin_hypercube.ranges")) {
      ok = false;
      continue;
    }
    const auto* pair = value.as_array();
    std::optional<double> low, high;
    if (pair != nullptr && pair->size() == 2) {
      low = parser.number(*pair->get(0), where);
      high = parser.number(*pair->get(1), where);
    } else {
      parser.problem("key '" + where + "' must be [min, max], found " + describe_value(value));
    }
    if (!low || !high) {
      ok = false;
      continue;
    }
    if (!(*low < *high)) {
      parser.problem("key '" + where + "' must have min < max, found [" + exact_text(*low) + ", " +
                     exact_text(*high) + "]");
      ok = false;
      continue;
    }
    ranges.push_back({name, *low, *high});
  }
  if (!ok || !samples || !seed) return {};
  const auto unit = latin_hypercube(static_cast<int>(*samples), static_cast<int>(ranges.size()),
                                    static_cast<std::uint64_t>(*seed));
  std::vector<SweepVariant> variants;
  for (std::size_t i = 0; i < unit.size(); ++i) {
    SweepVariant variant{numbered("lhs", i, unit.size()), {}};
    for (std::size_t k = 0; k < ranges.size(); ++k) {
      const double value = ranges[k].min + unit[i][k] * (ranges[k].max - ranges[k].min);
      variant.overrides.push_back(ranges[k].key + "=" + exact_text(value));
    }
    variants.push_back(std::move(variant));
  }
  return variants;
}

std::optional<MonteCarloSpec> read_monte_carlo(const toml::node& node, SweepParser& parser) {
  const auto* mc = node.as_table();
  if (mc == nullptr) {
    parser.problem("key 'monte_carlo' must be a table (draws, seed, multipliers), found " +
                   describe_value(node));
    return std::nullopt;
  }
  MonteCarloSpec spec;
  const auto draws = parser.integer(mc->get("draws"), "monte_carlo.draws", 1, kMaxDraws);
  const auto seed = parser.integer(mc->get("seed"), "monte_carlo.seed", 0,
                                   std::numeric_limits<std::int64_t>::max());
  const auto* multipliers_node = mc->get("multipliers");
  const auto* multipliers = multipliers_node == nullptr ? nullptr : multipliers_node->as_table();
  if (multipliers == nullptr || multipliers->empty()) {
    parser.problem(
        "key 'monte_carlo.multipliers' must be a non-empty table of rate = "
        "{ distribution = ..., ... } (rates: tfr, in_migration, out_migration)");
    return std::nullopt;
  }
  bool ok = draws && seed;
  constexpr std::string_view kRates[] = {"tfr", "in_migration", "out_migration"};
  for (auto&& [key, value] : *multipliers) {
    const std::string rate(key.str());
    if (std::find(std::begin(kRates), std::end(kRates), rate) == std::end(kRates)) {
      parser.problem("unknown key 'monte_carlo.multipliers." + rate + "'" +
                     suggestion(rate, kRates) + ": the rates are tfr, in_migration, out_migration");
      ok = false;
    }
  }
  for (const auto rate : kRates) {
    const auto* entry_node = multipliers->get(rate);
    if (entry_node == nullptr) continue;
    const std::string where = "monte_carlo.multipliers." + std::string(rate);
    const auto* entry = entry_node->as_table();
    if (entry == nullptr) {
      parser.problem("key '" + where +
                     "' must be a table { distribution = \"lognormal\", sigma = ... } "
                     "or { distribution = \"uniform\", min = ..., max = ... }, found " +
                     describe_value(*entry_node));
      ok = false;
      continue;
    }
    for (auto&& [name, ignored] : *entry) {
      const std::string child(name.str());
      if (std::find(std::begin(kMultiplierKeys), std::end(kMultiplierKeys), child) ==
          std::end(kMultiplierKeys)) {
        parser.problem("unknown key '" + where + "." + child + "'" +
                       suggestion(child, kMultiplierKeys));
        ok = false;
      }
    }
    UncertainRate uncertain;
    uncertain.rate = rate;
    const auto* distribution = entry->get("distribution");
    const std::string kind = distribution != nullptr && distribution->is_string()
                                 ? *distribution->value<std::string>()
                                 : "";
    const auto positive = [&](const char* name, double low, double high) -> std::optional<double> {
      const auto* value = entry->get(name);
      const std::string full = where + "." + name;
      if (value == nullptr) {
        parser.problem("missing required key '" + full + "'");
        return std::nullopt;
      }
      const auto number = parser.number(*value, full);
      if (number && !(*number >= low && *number <= high)) {
        parser.problem("key '" + full + "' must be a number between " + exact_text(low) + " and " +
                       exact_text(high) + ", found " + exact_text(*number));
        return std::nullopt;
      }
      return number;
    };
    if (kind == "lognormal") {
      uncertain.distribution = MultiplierDistribution::kLognormal;
      const auto sigma = positive("sigma", 0.0, 1.0);
      ok = ok && sigma.has_value();
      if (sigma) uncertain.sigma = *sigma;
    } else if (kind == "uniform") {
      uncertain.distribution = MultiplierDistribution::kUniform;
      const auto low = positive("min", 0.0, 10.0);
      const auto high = positive("max", 0.0, 10.0);
      if (low && high && !(*low <= *high)) {
        parser.problem("key '" + where + "' must have min <= max, found min " + exact_text(*low) +
                       ", max " + exact_text(*high));
        ok = false;
      }
      ok = ok && low && high;
      if (low && high) {
        uncertain.min = *low;
        uncertain.max = *high;
      }
    } else {
      parser.problem(
          "key '" + where + ".distribution' must be \"lognormal\" or \"uniform\", found " +
          (distribution == nullptr ? std::string("nothing") : describe_value(*distribution)));
      ok = false;
    }
    spec.rates.push_back(uncertain);
  }
  if (!ok) return std::nullopt;
  spec.draws = static_cast<int>(*draws);
  spec.seed = static_cast<std::uint64_t>(*seed);
  return spec;
}

const char* distribution_name(MultiplierDistribution distribution) {
  return distribution == MultiplierDistribution::kLognormal ? "lognormal" : "uniform";
}

// The expanded definition as TOML: what the results file records.
std::string resolved_text(const Sweep& sweep) {
  toml::table root;
  root.insert("sweep", toml::table{{"name", sweep.name},
                                   {"title", sweep.title},
                                   {"base", sweep.base_scenario.string()},
                                   {"design", sweep.design}});
  toml::array variants;
  for (const auto& variant : sweep.variants) {
    toml::array overrides;
    for (const auto& text : variant.overrides) overrides.push_back(text);
    variants.push_back(toml::table{{"name", variant.name}, {"overrides", std::move(overrides)}});
  }
  root.insert("variants", std::move(variants));
  if (sweep.monte_carlo) {
    toml::table multipliers;
    for (const auto& rate : sweep.monte_carlo->rates) {
      toml::table entry{{"distribution", distribution_name(rate.distribution)}};
      if (rate.distribution == MultiplierDistribution::kLognormal) {
        entry.insert("sigma", rate.sigma);
      } else {
        entry.insert("min", rate.min);
        entry.insert("max", rate.max);
      }
      multipliers.insert(rate.rate, std::move(entry));
    }
    root.insert("monte_carlo",
                toml::table{{"draws", sweep.monte_carlo->draws},
                            {"seed", static_cast<std::int64_t>(sweep.monte_carlo->seed)},
                            {"multipliers", std::move(multipliers)}});
  }
  std::ostringstream text;
  text << toml::toml_formatter(root) << '\n';
  return text.str();
}

}  // namespace

Sweep read_sweep(const fs::path& file) {
  ProblemList problems;
  InputReader reader;
  const std::optional<std::string> bytes =
      reader.read(file, file.string(), file.string(), problems);
  if (!bytes) throw InputError(problems.messages());
  toml::table root;
  try {
    root = toml::parse(*bytes, file.string());
  } catch (const toml::parse_error& error) {
    const toml::source_position where = error.source().begin;
    throw InputError({file.string() + ':' + std::to_string(where.line) + ':' +
                      std::to_string(where.column) + ": " + std::string(error.description())});
  }

  SweepParser parser(file, problems);
  parser.check_known_keys(root);
  Sweep sweep;
  sweep.file = file;
  sweep.text = *bytes;
  const auto name = parser.text(root, "sweep.name", true, "the sweep's name");
  if (name && !is_name(*name)) {
    parser.problem(
        "key 'sweep.name' must be a string of lowercase letters, digits and _, found the string "
        "\"" +
        *name + "\"");
  } else if (name) {
    sweep.name = *name;
  }
  sweep.title = parser.text(root, "sweep.title", false, "").value_or("");
  if (const auto base = parser.text(root, "sweep.base", true, "the base scenario file")) {
    sweep.base_scenario = (file.parent_path() / *base).lexically_normal();
  }

  std::vector<const char*> designs;
  std::vector<LatinRange> ranges;
  if (const auto* node = root.get("variants")) {
    designs.push_back("variants");
    sweep.variants = read_variants(*node, parser);
  }
  if (const auto* node = root.get("grid")) {
    designs.push_back("grid");
    sweep.variants = read_grid(*node, parser);
  }
  if (const auto* node = root.get("latin_hypercube")) {
    designs.push_back("latin_hypercube");
    sweep.variants = read_latin_hypercube(*node, parser, ranges);
    for (const auto& range : ranges) {
      for (const double end : {range.min, range.max}) {
        sweep.range_ends.push_back(
            {"latin_hypercube range of '" + range.key + "'", {range.key + "=" + exact_text(end)}});
      }
    }
  }
  if (const auto* node = root.get("monte_carlo"))
    sweep.monte_carlo = read_monte_carlo(*node, parser);

  if (designs.size() > 1) {
    parser.problem("a sweep has one design, found " + std::string(designs[0]) + " and " +
                   designs[1] + ": use separate sweep files");
  } else if (designs.size() == 1) {
    sweep.design = designs.front();
  } else if (root.get("monte_carlo") != nullptr) {
    // Monte Carlo on the base scenario alone.
    sweep.design = "base";
    sweep.variants.push_back({sweep.name.empty() ? "base" : sweep.name, {}});
  } else {
    parser.problem(
        "the sweep has no scenarios: give [[variants]], [grid], [latin_hypercube] or "
        "[monte_carlo]");
  }
  if (!problems.empty()) throw InputError(problems.messages());
  sweep.resolved_text = resolved_text(sweep);
  return sweep;
}

void check_sweep_levers(const Sweep& sweep) {
  ProblemList problems;
  const auto check = [&](const std::string& who, const std::vector<std::string>& overrides) {
    ProblemList found;
    InputReader reader;
    read_scenario_document(sweep.base_scenario, overrides, reader, found);
    for (const auto& message : found.messages()) {
      problems.add(sweep.file.string() + ": " + who + ": " + message);
    }
  };
  // The base alone first, so that a broken base is reported once rather than per variant.
  ProblemList base_problems;
  InputReader reader;
  read_scenario_document(sweep.base_scenario, {}, reader, base_problems);
  if (!base_problems.empty()) {
    for (const auto& message : base_problems.messages()) {
      problems.add(sweep.file.string() + ": base scenario: " + message);
    }
    throw InputError(problems.messages());
  }
  for (const auto& end : sweep.range_ends) check(end.name, end.overrides);
  // A range that reaches outside a key's values would be reported again by many samples.
  if (!problems.empty()) throw InputError(problems.messages());
  for (const auto& variant : sweep.variants)
    check("variant '" + variant.name + "'", variant.overrides);
  if (!problems.empty()) throw InputError(problems.messages());
}

}  // namespace wardsim::scenarios
