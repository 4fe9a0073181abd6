#pragma once
// `wardsim compare`: the differences between two runs (B − A) per indicator, district and year,
// and the comparison group written into a results file (layout: docs/results_format.md,
// "Comparisons").

#include <Eigen/Core>
#include <filesystem>
#include <string>
#include <vector>

#include "wardsim/engine/dimensions.h"

namespace wardsim::io {

// One run: a scenario in a results file.
struct RunRef {
  std::filesystem::path file;
  std::string scenario;
};

using YearDistrictValues = Eigen::Array<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// One indicator of both runs on [year, district].
struct IndicatorPair {
  std::string path;  // "population/total", "population/age_75_plus", "services/childcare/gap/age_0"
  std::string units;  // "persons", "places", ...
  YearDistrictValues a;
  YearDistrictValues b;

  YearDistrictValues difference() const { return b - a; }
  // 100 (B − A) / |A| (the sign follows the difference, also for negative gaps); NaN where A is 0.
  YearDistrictValues percent() const;
};

struct Comparison {
  RunRef a;
  RunRef b;
  std::vector<int> years;  // population years
  std::vector<engine::District> districts;
  std::vector<IndicatorPair>
      indicators;  // population first, then every service indicator both have

  // "<a>__<b>": the comparison's group name under /comparisons.
  std::string name() const;
};

// The population age bands compared besides the total: [first age, last age] on 1 January.
struct AgeBand {
  const char* name;
  int first;
  int last;  // 100 = 100 and over
};
inline constexpr AgeBand kComparedAgeBands[] = {{"age_0_5", 0, 5},
                                                {"age_6_14", 6, 14},
                                                {"age_15_64", 15, 64},
                                                {"age_65_plus", 65, 100},
                                                {"age_75_plus", 75, 100}};

// Reads both runs and pairs their indicators. Throws InputError (listing every difference) when the
// runs' years or districts differ, and the readers' errors for a missing file or scenario.
Comparison compare_runs(const RunRef& a, const RunRef& b);

// Adds /comparisons/<a>__<b>/ to `file`: to a copy under a temporary name, renamed into place when
// complete. A new file gets /dims and root attributes; an existing one must be a wardsim results or
// comparison file with the same years and districts and no comparison of that name (else
// InputError, and the file is untouched).
void write_comparison(const std::filesystem::path& file, const Comparison& comparison);

}  // namespace wardsim::io
