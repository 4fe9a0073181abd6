#include "wardsim/scenarios/targets_file.h"

#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <sstream>
#include <string_view>

#include "scenario_keys.h"
#include "wardsim/error.h"
#include "wardsim/scenarios/csv_table.h"
#include "wardsim/scenarios/file_digest.h"
#include "wardsim/scenarios/input_reader.h"
#include "wardsim/scenarios/problem_list.h"
#include "wardsim/scenarios/scenario_document.h"

namespace wardsim::scenarios {
namespace {

namespace fs = std::filesystem;
using models::backcast::Conversion;
using models::backcast::FacilityTerms;
using models::backcast::Lever;
using models::backcast::PathPoint;
using models::backcast::Target;
using models::backcast::TargetIndicator;

constexpr std::array kIndicators = {
    TargetIndicator::ChildcareNoShortfall, TargetIndicator::CarePlacesPer1000Aged75Plus,
    TargetIndicator::SchoolClassSizeLimit, TargetIndicator::WelfareShelterForAll,
    TargetIndicator::ChildShare0To14,      TargetIndicator::WardTotal,
    TargetIndicator::PublishedPath};
constexpr std::array<std::string_view, 4> kFacilities = {"childcare", "school", "elderly_care",
                                                         "welfare_shelter"};
constexpr std::array<std::string_view, 6> kFacilityKeys = {
    "build_lead_time", "temporary_lead_time", "convert_lead_time",
    "build_cost",      "temporary_cost",      "convert_cost"};
constexpr std::array<std::string_view, 6> kTopKeys = {"title",      "assumptions", "discount_rate",
                                                      "facilities", "conversions", "targets"};
constexpr std::array<std::string_view, 9> kTargetKeys = {
    "name", "indicator", "districts", "from", "to", "year", "at_least", "at_most", "lever"};
constexpr std::array<std::string_view, 3> kConversionKeys = {"from", "to", "places_per_place"};
constexpr std::array<std::string_view, 3> kLeverKeys = {"key", "low", "high"};
constexpr std::array<std::string_view, 3> kPathKeys = {"file", "value_column", "relative_to"};

// " (did you mean 'X'?)" when one of `known` is close to `word`.
template <typename Names>
std::string suggestion(std::string_view word, const Names& known) {
  std::string best;
  std::size_t best_distance = std::string::npos;
  for (const auto& candidate : known) {
    const std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = std::string(candidate);
    }
  }
  if (best.empty() || best_distance > std::max<std::size_t>(2, word.size() / 4)) return {};
  return " (did you mean '" + best + "'?)";
}

template <typename Names>
std::string joined(const Names& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + std::string(name);
  return text;
}

class Reader {
 public:
  Reader(std::string display, fs::path directory, const engine::Dimensions& dims)
      : display_(std::move(display)), directory_(std::move(directory)), dims_(dims) {}

  ProblemList problems;

  void fail(const std::string& where, const std::string& message) {
    problems.add(display_ + ": " + where + ": " + message);
  }

  template <typename Names>
  void check_keys(const toml::table& table, const std::string& where, const Names& known) {
    for (const auto& [key, node] : table) {
      const std::string_view name = key.str();
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      fail(where.empty() ? std::string(name) : where + "." + std::string(name),
           "unknown key" + suggestion(name, known) + "; expected one of " + joined(known));
    }
  }

  std::optional<double> number(const toml::table& table, const std::string& where,
                               std::string_view key, bool required, double min = -1e300) {
    const toml::node* node = table.get(key);
    if (node == nullptr) {
      if (required) fail(where, "missing key '" + std::string(key) + "'");
      return std::nullopt;
    }
    const std::optional<double> value = node->value<double>();
    if (!value || *value < min) {
      std::ostringstream expected;
      expected << "a number" << (min > -1e300 ? " ≥ " + std::to_string(static_cast<int>(min)) : "");
      fail(where + "." + std::string(key),
           "expected " + expected.str() + ", found " + describe_value(*node));
      return std::nullopt;
    }
    return value;
  }

  std::optional<int> year(const toml::table& table, const std::string& where,
                          std::string_view key) {
    const toml::node* node = table.get(key);
    if (node == nullptr) return std::nullopt;
    const auto* integer = node->as_integer();
    if (integer == nullptr) {
      fail(where + "." + std::string(key),
           "expected a year (an integer), found " + describe_value(*node));
      return std::nullopt;
    }
    return static_cast<int>(integer->get());
  }

  void read_facilities(const toml::table& root, models::backcast::TargetSet& set) {
    const toml::node* node = root.get("facilities");
    if (node == nullptr) return;
    const toml::table* facilities = node->as_table();
    if (facilities == nullptr) {
      fail("facilities", "expected a table of facilities, found " + describe_value(*node));
      return;
    }
    check_keys(*facilities, "facilities", kFacilities);
    for (const auto& [key, value] : *facilities) {
      const std::string name(key.str());
      if (std::find(kFacilities.begin(), kFacilities.end(), name) == kFacilities.end()) continue;
      const std::string where = "facilities." + name;
      const toml::table* table = value.as_table();
      if (table == nullptr) {
        fail(where, "expected a table, found " + describe_value(value));
        continue;
      }
      check_keys(*table, where, kFacilityKeys);
      FacilityTerms terms;
      auto lead = [&](std::string_view k, int& out) {
        if (const auto v = number(*table, where, k, true, 0.0)) out = static_cast<int>(*v);
      };
      lead("build_lead_time", terms.build_lead_time);
      lead("temporary_lead_time", terms.temporary_lead_time);
      lead("convert_lead_time", terms.convert_lead_time);
      auto cost = [&](std::string_view k, double& out) {
        if (const auto v = number(*table, where, k, true, 0.0)) out = *v;
      };
      cost("build_cost", terms.build_cost);
      cost("temporary_cost", terms.temporary_cost);
      cost("convert_cost", terms.convert_cost);
      set.facilities[name] = terms;
    }
  }

  void read_conversions(const toml::table& root, models::backcast::TargetSet& set) {
    const toml::node* node = root.get("conversions");
    if (node == nullptr) return;
    const toml::array* list = node->as_array();
    if (list == nullptr) {
      fail("conversions",
           "expected an array of tables ([[conversions]]), found " + describe_value(*node));
      return;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string where = "conversions[" + std::to_string(i + 1) + "]";
      const toml::table* table = (*list)[i].as_table();
      if (table == nullptr) {
        fail(where, "expected a table");
        continue;
      }
      check_keys(*table, where, kConversionKeys);
      Conversion conversion;
      conversion.from = table->get("from") ? table->get("from")->value_or(std::string{}) : "";
      conversion.to = table->get("to") ? table->get("to")->value_or(std::string{}) : "";
      if (std::find(kFacilities.begin(), kFacilities.end(), conversion.from) == kFacilities.end()) {
        fail(where + ".from", "expected one of " + joined(kFacilities) + ", found '" +
                                  conversion.from + "'" + suggestion(conversion.from, kFacilities));
      }
      if (conversion.to.empty()) fail(where + ".to", "expected the name of the receiving service");
      if (const auto ratio = number(*table, where, "places_per_place", false, 0.0)) {
        if (*ratio <= 0.0) {
          fail(where + ".places_per_place", "expected a number > 0");
        } else {
          conversion.places_per_place = *ratio;
        }
      }
      set.conversions.push_back(conversion);
    }
  }

  std::vector<int> districts(const toml::table& table, const std::string& where) {
    const toml::node* node = table.get("districts");
    std::vector<int> chosen;
    if (node == nullptr || (node->is_string() && node->value_or(std::string{}) == "all")) {
      for (int d = 0; d < dims_.district_count(); ++d) chosen.push_back(d);
      return chosen;
    }
    const toml::array* list = node->as_array();
    if (list == nullptr) {
      fail(where + ".districts",
           "expected \"all\" or a list of district ids, found " + describe_value(*node));
      return chosen;
    }
    if (list->empty()) {
      fail(where + ".districts",
           "the district set is empty; name at least one district or \"all\"");
      return chosen;
    }
    std::vector<std::string> ids;
    for (const auto& district : dims_.districts) ids.push_back(district.id);
    for (const auto& element : *list) {
      const std::string id = element.value_or(std::string{});
      const auto found = std::find(ids.begin(), ids.end(), id);
      if (found == ids.end()) {
        fail(where + ".districts", "unknown district '" + id + "'" + suggestion(id, ids));
        continue;
      }
      chosen.push_back(static_cast<int>(found - ids.begin()));
    }
    return chosen;
  }

  std::optional<Lever> lever(const toml::table& table, const std::string& where) {
    const toml::node* node = table.get("lever");
    if (node == nullptr) return std::nullopt;
    const toml::table* lever_table = node->as_table();
    if (lever_table == nullptr) {
      fail(where + ".lever",
           "expected { key = \"...\", low = ..., high = ... }, found " + describe_value(*node));
      return std::nullopt;
    }
    check_keys(*lever_table, where + ".lever", kLeverKeys);
    Lever lever;
    const toml::node* key = lever_table->get("key");
    lever.key = key != nullptr ? key->value_or(std::string{}) : "";
    if (lever.key.empty())
      fail(where + ".lever.key", "expected a scenario key, e.g. \"fertility.tfr\"");
    const auto low = number(*lever_table, where + ".lever", "low", true);
    const auto high = number(*lever_table, where + ".lever", "high", true);
    if (!low || !high || lever.key.empty()) return std::nullopt;
    if (*low >= *high) {
      fail(where + ".lever", "low must be below high");
      return std::nullopt;
    }
    lever.low = *low;
    lever.high = *high;
    return lever;
  }

  std::vector<PathPoint> path(const toml::table& table, const std::string& where) {
    const std::string at = where + ".path";
    const toml::node* node = table.get("path");
    std::vector<PathPoint> points;
    if (node == nullptr) {
      fail(where,
           "missing key 'path' (a published path: { file = \"…csv\", value_column = \"…\" })");
      return points;
    }
    const toml::table* spec = node->as_table();
    if (spec == nullptr || spec->get("file") == nullptr || spec->get("value_column") == nullptr) {
      fail(at, "expected { file = \"…csv\", value_column = \"…\" }");
      return points;
    }
    check_keys(*spec, at, kPathKeys);
    const std::string named = spec->get("file")->value_or(std::string{});
    const std::string column = spec->get("value_column")->value_or(std::string{});
    const int relative_to = static_cast<int>(
        spec->get("relative_to") ? spec->get("relative_to")->value_or(0) : dims_.base_year);
    const std::string display =
        (fs::path(display_).parent_path() / named).lexically_normal().string();
    const FileBytes bytes = read_file_bytes(directory_ / named);
    if (!bytes.bytes) {
      fail(at + ".file", "cannot read '" + display + "' (" + bytes.error + ")");
      return points;
    }
    // The header names the columns; the CSV reader then checks every record against it.
    const std::string header = bytes.bytes->substr(0, bytes.bytes->find_first_of("\r\n"));
    std::vector<std::string> names;
    std::stringstream split(header);
    for (std::string name; std::getline(split, name, ',');) names.push_back(name);
    std::vector<std::string_view> views(names.begin(), names.end());
    const auto table_csv = CsvTable::parse(*bytes.bytes, display, views, problems);
    if (!table_csv) return points;
    const auto year_column = std::find(names.begin(), names.end(), "year");
    const auto value_column = std::find(names.begin(), names.end(), column);
    if (year_column == names.end() || value_column == names.end()) {
      fail(at, "'" + display + "' needs columns 'year' and '" + column + "' (has " + joined(names) +
                   ")");
      return points;
    }
    const auto yc = static_cast<std::size_t>(year_column - names.begin());
    const auto vc = static_cast<std::size_t>(value_column - names.begin());
    double reference = 0.0;
    std::vector<std::pair<int, double>> values;
    for (const CsvRow& row : table_csv->rows()) {
      const auto y = table_csv->integer(row, yc, 1900, 2200, "a year", problems);
      const auto v = table_csv->number(row, vc, 0.0, 1e12, "a positive number", problems);
      if (!y || !v) continue;
      if (*y == relative_to) reference = *v;
      values.emplace_back(*y, *v);
    }
    if (reference <= 0.0) {
      fail(at, "'" + display + "' has no positive value for " + std::to_string(relative_to) +
                   ", the year the path is relative to");
      return points;
    }
    for (const auto& [y, v] : values) {
      if (y <= relative_to) continue;
      if (y > dims_.end_year) {
        fail(at, "'" + display + "' year " + std::to_string(y) + " is after the projection's end " +
                     std::to_string(dims_.end_year));
        continue;
      }
      points.push_back({y, v / reference});
    }
    std::sort(points.begin(), points.end(),
              [](const PathPoint& a, const PathPoint& b) { return a.year < b.year; });
    if (points.empty())
      fail(at, "'" + display + "' has no year after " + std::to_string(relative_to));
    return points;
  }

  void read_targets(const toml::table& root, models::backcast::TargetSet& set) {
    const toml::node* node = root.get("targets");
    const toml::array* list = node != nullptr ? node->as_array() : nullptr;
    if (list == nullptr || list->empty()) {
      fail("targets", "expected at least one [[targets]] table");
      return;
    }
    std::vector<std::string> names;
    for (TargetIndicator indicator : kIndicators) {
      names.push_back(models::backcast::indicator_name(indicator));
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string where = "targets[" + std::to_string(i + 1) + "]";
      const toml::table* table = (*list)[i].as_table();
      if (table == nullptr) {
        fail(where, "expected a table");
        continue;
      }
      Target target;
      target.name = table->get("name") ? table->get("name")->value_or(std::string{}) : "";
      if (target.name.empty()) target.name = "target_" + std::to_string(i + 1);
      if (table->get("name")) where += " ('" + target.name + "')";
      // The name becomes an HDF5 group under backcast/: keep it a plain, unique identifier.
      const bool plain = std::all_of(target.name.begin(), target.name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      });
      if (!plain) fail(where + ".name", "expected lowercase letters, digits and _");
      if (std::find(used_names_.begin(), used_names_.end(), target.name) != used_names_.end()) {
        fail(where + ".name", "'" + target.name + "' is used by another target");
      }
      used_names_.push_back(target.name);
      std::vector<std::string_view> known(kTargetKeys.begin(), kTargetKeys.end());
      known.push_back("path");
      check_keys(*table, where, known);
      const std::size_t before = problems.size();

      const std::string indicator =
          table->get("indicator") ? table->get("indicator")->value_or(std::string{}) : "";
      const auto found = std::find(names.begin(), names.end(), indicator);
      if (found == names.end()) {
        fail(where + ".indicator", indicator.empty() ? "missing; expected one of " + joined(names)
                                                     : "unknown indicator '" + indicator + "'" +
                                                           suggestion(indicator, names) +
                                                           "; expected one of " + joined(names));
        continue;
      }
      target.indicator = kIndicators[static_cast<std::size_t>(found - names.begin())];
      target.districts = districts(*table, where);

      const auto single = year(*table, where, "year");
      const auto from = year(*table, where, "from");
      const auto to = year(*table, where, "to");
      if (single && (from || to)) fail(where, "give either 'year' or 'from'/'to', not both");
      target.from_year = single ? *single : from.value_or(dims_.base_year);
      target.to_year = single ? *single : to.value_or(dims_.end_year);
      if (target.from_year > target.to_year) {
        fail(where, "from " + std::to_string(target.from_year) + " is after to " +
                        std::to_string(target.to_year));
      } else if (target.from_year < dims_.base_year || target.to_year > dims_.end_year) {
        fail(where, "years " + std::to_string(target.from_year) + "-" +
                        std::to_string(target.to_year) + " are outside the projection " +
                        std::to_string(dims_.base_year) + "-" + std::to_string(dims_.end_year));
      }
      if (const auto v = number(*table, where, "at_least", false)) target.at_least = *v;
      if (const auto v = number(*table, where, "at_most", false)) target.at_most = *v;
      if (target.at_least > target.at_most) {
        fail(where, "at_least is above at_most: no value can meet it");
      }
      const bool bounded = table->get("at_least") != nullptr || table->get("at_most") != nullptr;
      switch (target.indicator) {
        case TargetIndicator::CarePlacesPer1000Aged75Plus:
          if (table->get("at_least") == nullptr)
            fail(where, "missing key 'at_least' (places per 1,000 aged 75+)");
          break;
        case TargetIndicator::ChildShare0To14:
        case TargetIndicator::WardTotal:
          if (!bounded) fail(where, "missing 'at_least' and/or 'at_most'");
          break;
        case TargetIndicator::PublishedPath:
          target.path = path(*table, where);
          break;
        default:
          break;
      }
      if (models::backcast::is_service_target(target.indicator)) {
        const std::string facility = models::backcast::facility_of(target.indicator);
        if (!set.facilities.contains(facility)) {
          fail(where, "needs lead times and costs in [facilities." + facility + "]");
        }
      }
      target.lever = lever(*table, where);
      if (target.lever && (models::backcast::is_service_target(target.indicator) ||
                           target.indicator == TargetIndicator::PublishedPath)) {
        fail(where + ".lever",
             "levers apply to child_share_0_14 and ward_total targets; service "
             "targets are met with capacity and a published path with "
             "in-migration");
      }
      if (problems.size() == before) set.targets.push_back(std::move(target));
    }
  }

 private:
  std::string display_;
  fs::path directory_;
  const engine::Dimensions& dims_;
  std::vector<std::string> used_names_;
};

}  // namespace

TargetsFile read_targets(const fs::path& file, const engine::Dimensions& dims) {
  const std::string display = file.string();
  const FileBytes bytes = read_file_bytes(file);
  if (!bytes.bytes) throw InputError({display + ": cannot read file (" + bytes.error + ")"});
  toml::table root;
  try {
    root = toml::parse(*bytes.bytes, display);
  } catch (const toml::parse_error& error) {
    const toml::source_position where = error.source().begin;
    throw InputError({display + ':' + std::to_string(where.line) + ':' +
                      std::to_string(where.column) + ": " + std::string(error.description())});
  }
  Reader reader(display, file.parent_path(), dims);
  TargetsFile result;
  reader.check_keys(root, "", kTopKeys);
  if (const toml::node* title = root.get("title")) {
    result.targets.title = title->value_or(std::string{});
  }
  if (const toml::node* notes = root.get("assumptions")) {
    const toml::array* list = notes->as_array();
    if (list == nullptr || (!list->empty() && !list->is_homogeneous(toml::node_type::string))) {
      reader.fail("assumptions", "expected a list of strings");
    } else {
      for (const auto& note : *list)
        result.targets.assumptions.push_back(*note.value<std::string>());
    }
  }
  if (const toml::node* rate = root.get("discount_rate")) {
    const std::optional<double> value = rate->value<double>();
    if (!value || !(*value >= 0.0 && *value < 1.0)) {
      reader.fail("discount_rate", "expected a yearly rate from 0 to below 1 (e.g. 0.02), found " +
                                       describe_value(*rate));
    } else {
      result.targets.discount_rate = *value;
    }
  }
  reader.read_facilities(root, result.targets);
  reader.read_conversions(root, result.targets);
  reader.read_targets(root, result.targets);
  if (!reader.problems.empty()) throw InputError(reader.problems.messages());
  result.text = *bytes.bytes;
  result.sha256 = sha256_hex(*bytes.bytes);
  return result;
}

}  // namespace wardsim::scenarios
