#pragma once
// What the exporters write: the chosen scenarios and indicators of a results file, read through
// the results readers only, with every indicator flattened to [year][district][cell] and labelled.

#include <filesystem>
#include <string>
#include <vector>

#include "wardsim/engine/dimensions.h"
#include "wardsim/io/provenance.h"

namespace wardsim::io {

// How the cells of one (year, district) of an indicator are split.
enum class Breakdown {
  kSexAge,    // population and the age-indexed flows: cell = sex * 101 + age
  kSex,       // births: cell = sex
  kCategory,  // service indicators with categories: cell = category
  kNone,      // service indicators without categories: one cell
};

struct ExportIndicator {
  std::string
      name{};  // "population", "births", … or "<service>.<indicator>", e.g. "childcare.demand"
  std::string units{};
  std::string description{};
  Breakdown breakdown = Breakdown::kNone;
  std::string category_dim{};                  // e.g. "age_group" (kCategory only)
  std::vector<std::string> category_labels{};  // kCategory only
  std::vector<int> years{};  // population years, or flow years (flows during year t → t+1)
  bool flow = false;         // years are flow years
  // Counts add up over districts and categories; ratios ("ratio", "share", "… per …") do not,
  // so no ward total or category total is made of them.
  bool additive = true;
  std::vector<double> values{};  // row-major [year][district][cell]
  int cells = 1;

  double at(std::size_t year, std::size_t district, std::size_t cell, std::size_t districts) const {
    return values[(year * districts + district) * static_cast<std::size_t>(cells) + cell];
  }
  // Sum over the cells of one (year, district).
  double district_total(std::size_t year, std::size_t district, std::size_t districts) const;
};

struct ExportScenario {
  std::string name;
  Provenance provenance;
  std::vector<ExportIndicator> indicators;  // in the order asked for
};

struct ExportData {
  std::filesystem::path source;  // the results file
  engine::Dimensions dims;       // years and districts (shared by every scenario of a file)
  std::vector<ExportScenario> scenarios;
};

// Which indicators to take when none is named.
enum class DefaultIndicators {
  kAll,        // population and every service indicator (flows only when named)
  kHeadlines,  // population and each service's headline demand and capacity
};

struct ExportSelection {
  std::vector<std::string> scenarios;   // empty = every scenario of the file
  std::vector<std::string> indicators;  // empty = the defaults below
  DefaultIndicators defaults = DefaultIndicators::kAll;
};

// The names `read_export_data` accepts for one scenario, in file order: population, births,
// deaths, in_migration, out_migration, moves_in, moves_out, then <service>.<indicator>.
std::vector<std::string> indicator_names(const std::filesystem::path& results,
                                         const std::string& scenario);

// Reads the selection. An unknown scenario or indicator is an InputError listing every one at
// once (with what the file has); a file that is not a results file is an InputError too.
ExportData read_export_data(const std::filesystem::path& results, const ExportSelection& selection);

}  // namespace wardsim::io
