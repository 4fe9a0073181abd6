// `[[housing.projects]]`: inline housing rows are the same input as the developments table they
// expand to, and their problems are reported like every other key's.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scenario_test_support.h"
#include "wardsim/scenarios/file_cache.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::scenarios {
namespace {

using ::testing::ElementsAre;
using testing::problems_thrown;
using testing::TinyCopy;
using ::testing::UnorderedElementsAre;

constexpr const char* kRule = "persons_per_dwelling = 2.0\nshare_from_outside = 0.5\n";

TEST(HousingProjects, InlineRowsEqualTheTableTheyExpandTo) {
  TinyCopy copy;
  // 10 a year in A2 over 2026-2028, and two overlapping projects in B1 in 2027 (4 + 6).
  copy.write("tables/dwellings.csv",
             "district_id,year,new_dwellings\nA2,2026,10\nA2,2027,10\nA2,2028,10\nB1,2027,10\n");
  copy.write("table.toml", std::string("extends = \"tiny.toml\"\n[housing]\n") + kRule +
                               "developments = \"tables/dwellings.csv\"\n");
  copy.write("inline.toml", std::string("extends = \"tiny.toml\"\n[housing]\n") + kRule + R"(
[[housing.projects]]
district = "A2"
from_year = 2026
to_year = 2028
dwellings_per_year = 10
[[housing.projects]]
district = "B1"
from_year = 2027
to_year = 2027
dwellings_per_year = 4
[[housing.projects]]
district = "B1"
from_year = 2027
to_year = 2027
dwellings_per_year = 6.0
)");
  const Scenario table = load_scenario(copy.path("table.toml"));
  const Scenario inline_rows = load_scenario(copy.path("inline.toml"));
  ASSERT_EQ(table.inputs.rates.size(), inline_rows.inputs.rates.size());
  for (std::size_t t = 0; t < table.inputs.rates.size(); ++t) {
    EXPECT_EQ(inline_rows.inputs.rates[t].in_migrants, table.inputs.rates[t].in_migrants) << t;
    EXPECT_TRUE((inline_rows.inputs.rates[t].in_migrant_allocation ==
                 table.inputs.rates[t].in_migrant_allocation)
                    .all())
        << t;
  }
  // 2027: 20 dwellings (10 in A2, 4 + 6 in B1) × 2 persons × 0.5 = 20 more in-migrants than
  // 2025, which has no housing (the tiny city's in_migrants are constant).
  EXPECT_DOUBLE_EQ(
      inline_rows.inputs.rates[2].in_migrants - inline_rows.inputs.rates[0].in_migrants, 20.0);
}

TEST(HousingProjects, ProjectsAddToTheDevelopmentsTable) {
  TinyCopy copy;
  copy.write("tables/dwellings.csv", "district_id,year,new_dwellings\nA1,2025,8\n");
  copy.write("both.toml", std::string("extends = \"tiny.toml\"\n[housing]\n") + kRule +
                              "developments = \"tables/dwellings.csv\"\n"
                              "projects = [{ district = \"A1\", from_year = 2025, to_year = 2025, "
                              "dwellings_per_year = 2 }]\n");
  copy.write("plain.toml", "extends = \"tiny.toml\"\n");
  const Scenario both = load_scenario(copy.path("both.toml"));
  const Scenario plain = load_scenario(copy.path("plain.toml"));
  EXPECT_DOUBLE_EQ(both.inputs.rates[0].in_migrants - plain.inputs.rates[0].in_migrants, 10.0);
}

TEST(HousingProjects, EveryBadRowIsReported) {
  TinyCopy copy;
  copy.write("bad.toml", std::string("extends = \"tiny.toml\"\n[housing]\n") + kRule + R"(
[[housing.projects]]
district = "Z9"
from_year = 2026
to_year = 2027
dwellings_per_year = 5
[[housing.projects]]
district = "A1"
from_year = 2029
to_year = 2031
dwellings_per_year = -1
[[housing.projects]]
district = "A1"
from_year = 2027
to_year = 2026
dwelings_per_year = 3
)");
  const std::string file = copy.path("bad.toml").string();
  EXPECT_THAT(
      problems_thrown([&] { load_scenario(copy.path("bad.toml")); }),
      UnorderedElementsAre(
          file + ": key 'housing.projects[1].dwellings_per_year' must be a number of dwellings "
                 "≥ 0, found -1",
          file + ": unknown key 'housing.projects[2].dwelings_per_year' (expected district, "
                 "from_year, to_year, dwellings_per_year)",
          file + ": missing required key 'housing.projects[2].dwellings_per_year'",
          file + ": key 'housing.projects[2].to_year' must not be before from_year (2027), found "
                 "2026"));
  // Once the keys are right, the years and districts are checked against the scenario.
  copy.replace("bad.toml", "dwellings_per_year = -1", "dwellings_per_year = 1");
  copy.replace("bad.toml", "to_year = 2026\ndwelings_per_year = 3",
               "to_year = 2028\ndwellings_per_year = 3");
  EXPECT_THAT(problems_thrown([&] { load_scenario(copy.path("bad.toml")); }),
              ElementsAre(file + ": key 'housing.projects[1].to_year' must be a step year between "
                                 "2025 and 2029 (scenario.base_year to scenario.end_year - 1), "
                                 "found 2031",
                          file + ": key 'housing.projects[0].district' must be a district id of " +
                              copy.shown("tables/districts.csv") + ", found 'Z9'"));
}

TEST(LoadScenarioText, AnInMemoryFileLoadsLikeTheSameFileOnDisk) {
  TinyCopy copy;
  const std::string text = "extends = \"tiny.toml\"\n[fertility]\ntfr = 1.7\n";
  copy.write("disk.toml", text);
  FileCache cache;
  const Scenario disk = load_scenario(copy.path("disk.toml"));
  const Scenario memory = load_scenario_text(text, copy.path("memory.toml"), &cache);
  EXPECT_FALSE(std::filesystem::exists(copy.path("memory.toml")));
  EXPECT_EQ(memory.resolved_text, disk.resolved_text);
  EXPECT_TRUE((memory.inputs.rates[0].fertility == disk.inputs.rates[0].fertility).all());
  ASSERT_EQ(memory.input_files.size(), disk.input_files.size());
  for (std::size_t i = 1; i < disk.input_files.size(); ++i) {
    EXPECT_EQ(memory.input_files[i].sha256, disk.input_files[i].sha256) << i;
  }
  // A second load reads every file from the cache; a file that changes is read again.
  const std::size_t cached = cache.size();
  EXPECT_GT(cached, 5U);
  load_scenario_text(text, copy.path("memory.toml"), &cache);
  EXPECT_EQ(cache.size(), cached);
  copy.write("tiny.toml", copy.read("tiny.toml") + "\n# changed\n");
  const Scenario changed = load_scenario_text(text, copy.path("memory.toml"), &cache);
  EXPECT_NE(changed.input_files[1].sha256, memory.input_files[1].sha256);
  // Problems name the in-memory file like a file on disk.
  EXPECT_THAT(problems_thrown([&] {
                load_scenario_text("extends = \"tiny.toml\"\n[fertility]\ntfr = 9\n",
                                   copy.path("memory.toml"), &cache);
              }),
              ElementsAre(copy.shown("memory.toml") +
                          ": key 'fertility.tfr' must be a number between 0.1 and 5, found 9"));
}

}  // namespace
}  // namespace wardsim::scenarios
