// "New housing" as a solved lever: housing.developments_multiplier scales a scenario's housing
// developments table, so the lever solver's root finder can solve it like the TFR.

#include <H5Cpp.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

#include "support/h5_reads.h"
#include "wardsim/app/cli.h"
#include "wardsim/app/exit_codes.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::app {
namespace {

namespace fs = std::filesystem;
using test_support::read_doubles;

const std::string kTiny = WARDSIM_SOURCE_DIR "/tests/scenarios/fixtures/tiny/tiny_services.toml";

double total_2030(const std::string& scenario, const std::vector<std::string>& sets) {
  const engine::Projection projection =
      engine::project_cohort(scenarios::load_scenario(scenario, sets).inputs, {.threads = 1});
  return projection.population.back().sum();
}

TEST(BackcastHousingLever, SolvedDwellingsMultiplierReproducesTheWardTotal) {
  const fs::path dir = fs::temp_directory_path() / "wardsim-backcast-housing-lever";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "dwellings.csv") << "district_id,year,new_dwellings\nA1,2026,100\nB1,2027,"
                                          "100\n";
  // 200 dwellings × 2 persons × 0.5 from outside: 200 extra in-migrants at multiplier 1.
  std::ofstream(dir / "housing.toml") << "extends = \"" << kTiny << "\"\n"
                                      << "[housing]\ndevelopments = \"dwellings.csv\"\n"
                                      << "persons_per_dwelling = 2.0\nshare_from_outside = 0.5\n";
  const std::string scenario = (dir / "housing.toml").string();
  const double planned = total_2030(scenario, {});
  EXPECT_GT(planned, total_2030(scenario, {"housing.developments_multiplier=0"}) + 150.0);
  const double wanted = std::round(planned) + 300.0;  // about 2.5 times the planned dwellings

  std::ostringstream targets;
  targets << std::setprecision(17) << "[[targets]]\nname = \"grow\"\nindicator = \"ward_total\"\n"
          << "at_least = " << wanted << "\nyear = 2030\n"
          << "lever = { key = \"housing.developments_multiplier\", low = 0.0, high = 20.0 }\n";
  std::ofstream(dir / "targets.toml") << targets.str();
  const fs::path out = dir / "b.h5";
  std::ostringstream stdout_text;
  std::ostringstream stderr_text;
  const int code = run_cli({"backcast", (dir / "targets.toml").string(), "--scenario", scenario,
                            "--out", out.string(), "--threads", "1"},
                           stdout_text, stderr_text);
  ASSERT_EQ(code, kExitOk) << stderr_text.str();
  EXPECT_NE(stdout_text.str().find("needs housing.developments_multiplier ≥ "), std::string::npos)
      << stdout_text.str();
  const auto value = read_doubles(out, "/scenarios/tiny/backcast/levers/value");
  ASSERT_EQ(value.size(), 1u);
  EXPECT_GT(value[0], 1.0);
  EXPECT_LT(value[0], 20.0);
  // The scenario re-run with the solved multiplier reaches the target within the solver's
  // tolerance for ward totals (1 person).
  std::ostringstream set;
  set << "housing.developments_multiplier=" << std::setprecision(17) << value[0];
  EXPECT_NEAR(total_2030(scenario, {set.str()}), wanted, 1.0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace wardsim::app
