// The lever keys of a scenario file: reading, inheritance and override order, and every bad-input
// message (docs/scenario_format.md, "Levers").
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scenarios/scenario_test_support.h"
#include "wardsim/scenarios/scenario.h"
#include "wardsim/scenarios/scenario_document.h"

namespace wardsim::scenarios {
namespace {

using ::testing::ElementsAre;
using testing::problems_thrown;
using testing::TinyCopy;

struct Read {
  std::optional<ScenarioDocument> document;
  std::vector<std::string> problems;
};

Read read(const std::filesystem::path& file, const std::vector<std::string>& overrides = {}) {
  InputReader reader;
  ProblemList problems;
  Read result;
  result.document = read_scenario_document(file, overrides, reader, problems);
  result.problems = problems.messages();
  return result;
}

constexpr const char* kPandemic = R"(
[[shocks]]
name = "pandemic"
years = [2026, 2027]
in_migration_multiplier = 0.85
out_migration_multiplier = 1.1
note = "assumption"
)";

TEST(LeverKeys, AScenarioWithoutLeversIsNeutral) {
  TinyCopy copy;
  const Read result = read(copy.scenario());
  ASSERT_TRUE(result.document);
  const LeverSettings& levers = result.document->settings.levers;
  EXPECT_EQ(levers.in_migration_multiplier.at(2027), 1.0);
  EXPECT_EQ(levers.in_migration_age_shift.at(2027), 0.0);
  EXPECT_EQ(levers.out_migration_age_shift.at(2027), 0.0);
  EXPECT_TRUE(levers.shocks.empty());
  EXPECT_FALSE(levers.housing);
}

TEST(LeverKeys, EveryLeverIsRead) {
  TinyCopy copy;
  copy.write("tables/dwellings.csv", "district_id,year,new_dwellings\nA2,2027,10\n");
  copy.write("levers.toml", std::string("extends = \"tiny.toml\"\n") + kPandemic + R"(
[migration]
in_migration_multiplier = { 2025 = 1.0, 2029 = 1.4 }
in_migration_age_shift = 1.5
out_migration_age_shift = -2

[housing]
developments = "tables/dwellings.csv"
persons_per_dwelling = 2.0
share_from_outside = 0.5

[provenance]
lever_assumptions = ["levers: invented for tests"]
)");
  const Read result = read(copy.path("levers.toml"));
  ASSERT_TRUE(result.document);
  EXPECT_THAT(result.problems, ElementsAre());
  const ScenarioSettings& settings = result.document->settings;
  EXPECT_DOUBLE_EQ(settings.levers.in_migration_multiplier.at(2027), 1.2);
  EXPECT_EQ(settings.levers.in_migration_age_shift.at(2030), 1.5);
  EXPECT_EQ(settings.levers.out_migration_age_shift.at(2025), -2.0);
  ASSERT_EQ(settings.levers.shocks.size(), 1u);
  const Shock& shock = settings.levers.shocks[0];
  EXPECT_EQ(shock.name, "pandemic");
  EXPECT_EQ(shock.years, (std::vector<int>{2026, 2027}));
  EXPECT_EQ(shock.in_migration_multiplier, 0.85);
  EXPECT_EQ(shock.out_migration_multiplier, 1.1);
  EXPECT_EQ(shock.note, "assumption");
  EXPECT_EQ(settings.estimates, (std::vector<std::string>{"every table is invented for tests",
                                                          "levers: invented for tests"}));
  ASSERT_TRUE(settings.levers.housing);
  EXPECT_EQ(settings.levers.housing->persons_per_dwelling, 2.0);
  EXPECT_EQ(settings.levers.housing->share_from_outside, 0.5);
  ASSERT_TRUE(settings.tables.contains(kHousingTableKey));
  EXPECT_EQ(settings.tables.find(kHousingTableKey)->second.file, copy.path("tables/dwellings.csv"));
  // A multiplier left out of a shock does not change its flow.
  copy.replace("levers.toml", "out_migration_multiplier = 1.1\n", "");
  EXPECT_EQ(
      read(copy.path("levers.toml")).document->settings.levers.shocks[0].out_migration_multiplier,
      1.0);
}

TEST(LeverKeys, ChildOverridesParentAndSetOverridesBoth) {
  TinyCopy copy;
  copy.write("parent.toml", std::string("extends = \"tiny.toml\"\n") + kPandemic +
                                "[migration]\nin_migration_multiplier = 1.2\n"
                                "in_migration_age_shift = 1\n");
  copy.write("child.toml",
             "extends = \"parent.toml\"\n[migration]\nin_migration_multiplier = 0.9\n"
             "[[shocks]]\nname = \"quake\"\nyears = [2028]\nout_migration_multiplier = 1.5\n");
  const Read child = read(copy.path("child.toml"));
  ASSERT_TRUE(child.document);
  EXPECT_THAT(child.problems, ElementsAre());
  const LeverSettings& levers = child.document->settings.levers;
  EXPECT_EQ(levers.in_migration_multiplier.at(2026), 0.9);  // the child's value
  EXPECT_EQ(levers.in_migration_age_shift.at(2026), 1.0);   // inherited
  ASSERT_EQ(levers.shocks.size(), 1u);                      // the list is replaced as a whole
  EXPECT_EQ(levers.shocks[0].name, "quake");
  EXPECT_EQ(levers.shocks[0].in_migration_multiplier, 1.0);

  // --set applies after every extends, in the order given: a whole path, then one of its years.
  const Read set =
      read(copy.path("child.toml"), {"migration.in_migration_multiplier={ 2025 = 1.0 }",
                                     "migration.in_migration_multiplier.2029=1.4"});
  ASSERT_TRUE(set.document);
  EXPECT_THAT(set.problems, ElementsAre());
  EXPECT_DOUBLE_EQ(set.document->settings.levers.in_migration_multiplier.at(2027), 1.2);
  EXPECT_EQ(set.document->settings.levers.in_migration_age_shift.at(2027), 1.0);
}

TEST(LeverKeys, OutOfRangeLeversNameTheKeyAndTheRange) {
  TinyCopy copy;
  const Read result =
      read(copy.scenario(),
           {"migration.in_migration_multiplier={ 2025 = 1.0, 2030 = 7 }",
            "migration.in_migration_age_shift=20", "migration.out_migration_age_shift=\"old\"",
            "housing.developments=\"tables/dwellings.csv\"", "housing.persons_per_dwelling=9",
            "housing.share_from_outside=1.5"});
  EXPECT_THAT(
      result.problems,
      ElementsAre("--set housing.persons_per_dwelling=9: key 'housing.persons_per_dwelling' must "
                  "be a number of persons between 0.5 and 6, found 9",
                  "--set housing.share_from_outside=1.5: key 'housing.share_from_outside' must be "
                  "a share between 0 and 1, found 1.5",
                  "--set migration.in_migration_age_shift=20: key "
                  "'migration.in_migration_age_shift' must be a number of years between -15 and "
                  "15, found 20",
                  "--set migration.in_migration_multiplier={ 2025 = 1.0, 2030 = 7 }: key "
                  "'migration.in_migration_multiplier.2030' must be a number between 0 and 5, "
                  "found 7",
                  "--set migration.out_migration_age_shift=\"old\": key "
                  "'migration.out_migration_age_shift' must be a number of years between -15 and "
                  "15, or a table of year = value, found the string \"old\""));
}

TEST(LeverKeys, MisspeltLeverKeysSuggestTheKeyMeant) {
  TinyCopy copy;
  copy.write("typo.toml",
             "extends = \"tiny.toml\"\n[migration]\nin_migration_multiplyer = 1.1\n"
             "[housing]\npersons_per_dwelling = 2\nshare_from_outside = 0.5\n"
             "developmets = \"x.csv\"\n"
             "[[shocks]]\nname = \"p\"\nyears = [2026]\nin_migraton_multiplier = 0.9\n");
  const std::string file = copy.shown("typo.toml");
  EXPECT_THAT(read(copy.path("typo.toml")).problems,
              ElementsAre(file + ": unknown key 'housing.developmets' (did you mean "
                                 "'housing.developments'?)",
                          file + ": unknown key 'migration.in_migration_multiplyer' (did you mean "
                                 "'migration.in_migration_multiplier'?)",
                          file + ": unknown key 'shocks[0].in_migraton_multiplier' (did you mean "
                                 "'shocks[0].in_migration_multiplier'?)",
                          file + ": missing required key 'housing.developments' (the housing "
                                 "developments table, a path to a CSV file (a string))"));
}

TEST(LeverKeys, BadShocksAreAllReported) {
  TinyCopy copy;
  copy.write("shocks.toml", R"(extends = "tiny.toml"
[[shocks]]
name = "Pandemic"
years = []
in_migration_multiplier = -0.1
out_migration_multiplier = 6
note = 3

[[shocks]]
in_migration_multiplier = 0.9

[[shocks]]
name = "late"
years = [2024, 2026, 2030]
)");
  const std::string file = copy.shown("shocks.toml");
  EXPECT_THAT(
      read(copy.path("shocks.toml")).problems,
      ElementsAre(
          file + ": key 'shocks[0].in_migration_multiplier' must be a number between 0 and 5, "
                 "found -0.1",
          file + ": key 'shocks[0].name' must be a string of lowercase letters, digits and _, "
                 "found the string \"Pandemic\"",
          file + ": key 'shocks[0].note' must be a string, found 3",
          file + ": key 'shocks[0].out_migration_multiplier' must be a number between 0 and 5, "
                 "found 6",
          file + ": key 'shocks[0].years' must be a non-empty array of integer years between 1900 "
                 "and 2200, found an array",
          file + ": missing required key 'shocks[1].name' (the shock's name)",
          file + ": missing required key 'shocks[1].years' (the years the shock applies to)"));
  // Years are checked against the run's step years once the shocks themselves are valid.
  copy.write("late.toml", R"(extends = "tiny.toml"
[[shocks]]
name = "late"
years = [2024, 2026, 2030]
)");
  const std::string late = copy.shown("late.toml");
  EXPECT_THAT(read(copy.path("late.toml")).problems,
              ElementsAre(late + ": key 'shocks[0].years' must hold step years between 2025 and "
                                 "2029 (scenario.base_year to scenario.end_year - 1), found 2024",
                          late + ": key 'shocks[0].years' must hold step years between 2025 and "
                                 "2029 (scenario.base_year to scenario.end_year - 1), found 2030"));
  EXPECT_THAT(read(copy.scenario(), {"shocks=0.9"}).problems,
              ElementsAre("--set shocks=0.9: key 'shocks' must be an array of tables ([[shocks]] "
                          "with name, years and multipliers), found 0.9"));
}

TEST(LeverKeys, BadHousingTablesAreAllReported) {
  TinyCopy copy;
  copy.write("tables/dwellings.csv",
             "district_id,year,new_dwellings\nA2,2027,10\nZZ,2027,5\nA1,2030,5\nB1,2026,-1\n"
             "A2,2027,3\n");
  copy.write("housing.toml", R"(extends = "tiny.toml"
[housing]
developments = "tables/dwellings.csv"
persons_per_dwelling = 2.0
share_from_outside = 0.5
)");
  const std::string table = copy.shown("tables/dwellings.csv");
  EXPECT_THAT(
      problems_thrown([&] { load_scenario(copy.path("housing.toml")); }),
      ElementsAre(table + ":3: column 'district_id': unknown district 'ZZ' (not in " +
                      copy.shown("tables/districts.csv") + ")",
                  table + ":4: column 'year': expected a step year between 2025 and 2029 "
                          "(scenario.base_year to scenario.end_year - 1), found '2030'",
                  table + ":5: column 'new_dwellings': expected a number of dwellings ≥ 0, found "
                          "'-1'",
                  table + ":6: duplicate row for district A2 in 2027 (first on line 2)"));
}

}  // namespace
}  // namespace wardsim::scenarios
