// Golden results of the bundled scenarios: the headline indicators of every year and each
// district's total every fifth year, compared to 7 significant digits. A change in them must be on
// purpose: scripts/rebaseline-golden.sh (WARDSIM_REBASELINE=1) rewrites the files.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>

#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/engine/population_queries.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim {
namespace {

namespace fs = std::filesystem;
constexpr double kRelativeTolerance = 1e-7;

using Indicators = std::map<std::string, double>;  // "year,indicator" → value

Indicators indicators_of(const engine::Projection& p) {
  Indicators values;
  for (int i = 0; i < p.dims.years(); ++i) {
    const auto& population = p.population[static_cast<std::size_t>(i)];
    const std::string year = std::to_string(p.dims.base_year + i);
    values[year + ",ward_total"] = population.sum();
    values[year + ",age_0_5"] = engine::count_ages(population, 0, 5);
    values[year + ",age_6_14"] = engine::count_ages(population, 6, 14);
    values[year + ",age_65_plus"] = engine::count_ages(population, 65, engine::kOpenAge);
    values[year + ",age_75_plus"] = engine::count_ages(population, 75, engine::kOpenAge);
    if (i < p.dims.steps()) {
      const auto& flows = p.flows[static_cast<std::size_t>(i)];
      values[year + ",births"] = flows.births.sum();
      values[year + ",deaths"] = flows.deaths.sum();
      values[year + ",net_migration"] = flows.in_migration.sum() - flows.out_migration.sum();
    }
    if (i % 5 == 0) {
      for (int d = 0; d < p.dims.district_count(); ++d) {
        values[year + ",district_" + p.dims.districts[static_cast<std::size_t>(d)].id] =
            population.row(d).sum();
      }
    }
  }
  return values;
}

Indicators read_golden(const fs::path& file) {
  Indicators values;
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    const auto last = line.rfind(',');
    values[line.substr(0, last)] = std::stod(line.substr(last + 1));
  }
  return values;
}

void write_golden(const fs::path& file, const Indicators& values) {
  std::ofstream out(file);
  if (!out) throw std::runtime_error("cannot write " + file.string());
  out << "year,indicator,value\n";
  for (const auto& [key, value] : values) {
    char text[64];
    std::snprintf(text, sizeof text, "%.10g", value);
    out << key << ',' << text << '\n';
  }
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, BundledScenarioMatchesItsGoldenResults) {
  const std::string name = GetParam();
  const auto scenario =
      scenarios::load_scenario(WARDSIM_SOURCE_DIR "/scenarios/setagaya/" + name + ".toml");
  const Indicators actual = indicators_of(engine::project_cohort(scenario.inputs, {.threads = 2}));
  const fs::path golden = fs::path(WARDSIM_TEST_DATA_DIR) / "golden" / (name + ".csv");

  const char* rebaseline = std::getenv("WARDSIM_REBASELINE");
  if (rebaseline != nullptr && std::string(rebaseline) == "1") {
    write_golden(golden, actual);
    GTEST_SKIP() << "rebaselined " << golden;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing: run scripts/rebaseline-golden.sh";
  const Indicators expected = read_golden(golden);
  ASSERT_EQ(actual.size(), expected.size());
  for (const auto& [key, value] : expected) {
    const auto found = actual.find(key);
    ASSERT_NE(found, actual.end()) << "missing " << key;
    EXPECT_NEAR(found->second, value, kRelativeTolerance * std::max(1.0, std::abs(value)))
        << name << ": " << key;
  }
}

INSTANTIATE_TEST_SUITE_P(Setagaya, Golden, ::testing::Values("baseline", "ipss2023"));

}  // namespace
}  // namespace wardsim
