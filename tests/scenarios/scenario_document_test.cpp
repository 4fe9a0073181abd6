#include "wardsim/scenarios/scenario_document.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "scenarios/scenario_test_support.h"

namespace wardsim::scenarios {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

struct Read {
  std::optional<ScenarioDocument> document;
  std::vector<std::string> problems;
  std::vector<InputFile> files;
};

Read read(const std::filesystem::path& file, const std::vector<std::string>& overrides = {}) {
  InputReader reader;
  ProblemList problems;
  Read result;
  result.document = read_scenario_document(file, overrides, reader, problems);
  result.problems = problems.messages();
  result.files = reader.files_read();
  return result;
}

TEST(ScenarioDocument, ReadsEveryKeyOfTheTinyScenario) {
  testing::TinyCopy copy;
  const Read result = read(copy.scenario());
  ASSERT_TRUE(result.document);
  EXPECT_THAT(result.problems, ElementsAre());
  const ScenarioSettings& settings = result.document->settings;
  EXPECT_EQ(settings.name, "tiny");
  EXPECT_EQ(settings.title, "Tiny city");
  EXPECT_EQ(settings.base_year, 2025);
  EXPECT_EQ(settings.end_year, 2030);
  EXPECT_DOUBLE_EQ(settings.tfr.at(2027), 1.2);
  EXPECT_DOUBLE_EQ(settings.sex_ratio_at_birth, 1.05);
  EXPECT_EQ(settings.mortality_table_year, 2020);
  EXPECT_DOUBLE_EQ(settings.mortality_improvement[0], 0.01);
  EXPECT_DOUBLE_EQ(settings.mortality_improvement[1], 0.008);
  EXPECT_DOUBLE_EQ(settings.infant_a0, 0.1);
  EXPECT_DOUBLE_EQ(settings.in_migrants.at(2030), 100.0);
  EXPECT_DOUBLE_EQ(settings.move_multiplier.at(2027), 0.75);
  EXPECT_THAT(settings.estimates, ElementsAre("every table is invented for tests"));
  ASSERT_EQ(settings.tables.size(), 9u);
  const TableLocation& districts = settings.tables.at("districts");
  EXPECT_EQ(districts.named_as, "tables/districts.csv");
  EXPECT_EQ(districts.display, copy.shown("tables/districts.csv"));
  EXPECT_EQ(districts.file, copy.path("tables/districts.csv"));
  ASSERT_EQ(result.files.size(), 1u);
  EXPECT_EQ(result.files[0].path, copy.scenario().string());
  EXPECT_THAT(result.document->resolved_text, HasSubstr("name = 'tiny'"));
}

TEST(ScenarioDocument, MalformedTomlIsReportedWithLineAndColumn) {
  testing::TinyCopy copy;
  copy.replace("tiny.toml", "sex_ratio_at_birth = 1.05", "sex_ratio_at_birth = = 1.05");
  const Read result = read(copy.scenario());
  EXPECT_FALSE(result.document);
  EXPECT_THAT(result.problems,
              ElementsAre(copy.shown("tiny.toml") +
                          ":24:22: Error while parsing value: could not determine value type"));
}

TEST(ScenarioDocument, AMissingRequiredKeyIsNamedWithWhatItMeans) {
  testing::TinyCopy copy;
  copy.replace("tiny.toml", "infant_a0 = 0.1\n", "");
  EXPECT_THAT(read(copy.scenario()).problems,
              ElementsAre(copy.shown("tiny.toml") +
                          ": missing required key 'mortality.infant_a0' (mean age at death of "
                          "infants, a number between 0 and 1)"));
}

TEST(ScenarioDocument, AMisspeltKeyIsUnknownWithASuggestion) {
  testing::TinyCopy copy;
  copy.replace("tiny.toml", "tfr = {", "tfrr = {");
  copy.replace("tiny.toml", "[migration]", "[migraton]");
  const std::string file = copy.shown("tiny.toml");
  EXPECT_THAT(
      read(copy.scenario()).problems,
      ElementsAre(file + ": unknown key 'fertility.tfrr' (did you mean 'fertility.tfr'?)",
                  file + ": unknown key 'migraton' (did you mean 'migration'?)",
                  file + ": missing required key 'fertility.tfr' (total fertility rate, a number "
                         "between 0.1 and 5)",
                  file + ": missing required key 'migration.in_migrants' (persons moving into the "
                         "ward per year, a number ≥ 0)",
                  file + ": missing required key 'migration.out_migration_multiplier' "
                         "(multiplier of the out_migration table, a number ≥ 0)",
                  file + ": missing required key 'migration.move_multiplier' (multiplier of the "
                         "moves table, a number ≥ 0)"));
}

TEST(ScenarioDocument, WrongTypesAndRangesAreAllReported) {
  testing::TinyCopy copy;
  copy.replace("tiny.toml", "name = \"tiny\"", "name = \"Tiny City\"");
  copy.replace("tiny.toml", "base_year = 2025", "base_year = \"2025\"");
  copy.replace("tiny.toml", "tfr = { 2025 = 1.0, 2029 = 1.4 }", "tfr = { 2025 = 1.0, 2o29 = 9 }");
  copy.replace("tiny.toml", "sex_ratio_at_birth = 1.05", "sex_ratio_at_birth = true");
  copy.replace("tiny.toml", "infant_a0 = 0.1", "infant_a0 = 1");
  copy.replace("tiny.toml", "in_migrants = 100", "in_migrants = { 2025 = -5 }");
  copy.replace("tiny.toml", "estimates = [\"every table is invented for tests\"]",
               "estimates = [1, 2]");
  const std::string file = copy.shown("tiny.toml");
  EXPECT_THAT(
      read(copy.scenario()).problems,
      ElementsAre(
          file + ": key 'fertility.sex_ratio_at_birth' must be a number between 0.9 and 1.2, "
                 "found true",
          file + ": key 'fertility.tfr' has '2o29' where a year between 1900 and 2200 was "
                 "expected",
          file + ": key 'migration.in_migrants.2025' must be a number ≥ 0, found -5",
          file + ": key 'mortality.infant_a0' must be a number between 0 and 1, found 1",
          file + ": key 'provenance.estimates' must be a list of strings, found an array",
          file + ": key 'scenario.base_year' must be an integer year between 1900 and 2200, "
                 "found the string \"2025\"",
          file + ": key 'scenario.name' must be a string of lowercase letters, digits and _, "
                 "found the string \"Tiny City\""));
}

TEST(ScenarioDocument, EndYearMustFollowBaseYear) {
  testing::TinyCopy copy;
  copy.replace("tiny.toml", "end_year = 2030", "end_year = 2025");
  EXPECT_THAT(read(copy.scenario()).problems,
              ElementsAre(copy.shown("tiny.toml") +
                          ": key 'scenario.end_year' must be greater than scenario.base_year "
                          "(2025), found 2025"));
}

TEST(ScenarioDocument, ExtendsMergesKeyByKeyAndResolvesTablesAgainstTheFileThatNamedThem) {
  testing::TinyCopy copy;
  std::filesystem::create_directory(copy.path("variants"));
  copy.write("variants/high.toml",
             "extends = \"../tiny.toml\"\n"
             "[scenario]\nname = \"high\"\n"
             "[tables]\nfertility = \"high_asfr.csv\"\n"
             "[fertility]\ntfr = 1.5\n"
             "[mortality]\nimprovement = { male = 0.02 }\n");
  const Read result = read(copy.path("variants/high.toml"));
  ASSERT_TRUE(result.document);
  EXPECT_THAT(result.problems, ElementsAre());
  const ScenarioSettings& settings = result.document->settings;
  EXPECT_EQ(settings.name, "high");
  EXPECT_EQ(settings.title, "Tiny city");
  EXPECT_DOUBLE_EQ(settings.tfr.at(2025), 1.5);  // a year path is replaced as a whole
  EXPECT_DOUBLE_EQ(settings.tfr.at(2029), 1.5);
  EXPECT_DOUBLE_EQ(settings.mortality_improvement[0], 0.02);
  EXPECT_DOUBLE_EQ(settings.mortality_improvement[1], 0.008);
  EXPECT_EQ(settings.tables.at("fertility").display, copy.shown("variants/high_asfr.csv"));
  EXPECT_EQ(settings.tables.at("districts").display, copy.shown("tables/districts.csv"));
  ASSERT_EQ(result.files.size(), 2u);
  EXPECT_EQ(result.files[0].path, copy.path("variants/high.toml").string());
  EXPECT_EQ(result.files[1].path, "../tiny.toml");
  EXPECT_THAT(result.document->resolved_text, Not(HasSubstr("extends")));
  EXPECT_THAT(result.document->resolved_text, HasSubstr("tfr = 1.5"));
}

TEST(ScenarioDocument, ProblemsNameTheFileThatSetTheKey) {
  testing::TinyCopy copy;
  copy.replace("tiny.toml", "infant_a0 = 0.1", "infant_a0 = 2");
  copy.write("child.toml", "extends = \"tiny.toml\"\n[fertility]\ntfr = 9\n");
  EXPECT_THAT(
      read(copy.path("child.toml")).problems,
      ElementsAre(
          copy.shown("child.toml") + ": key 'fertility.tfr' must be a number between 0.1 and 5, "
                                     "found 9",
          copy.shown("tiny.toml") + ": key 'mortality.infant_a0' must be a number between 0 and "
                                    "1, found 2"));
}

TEST(ScenarioDocument, AnExtendsCycleIsAnError) {
  testing::TinyCopy copy;
  copy.write("a.toml", "extends = \"b.toml\"\n");
  copy.write("b.toml", "extends = \"a.toml\"\n");
  const Read result = read(copy.path("a.toml"));
  EXPECT_FALSE(result.document);
  const std::string a = copy.shown("a.toml");
  const std::string b = copy.shown("b.toml");
  EXPECT_THAT(result.problems, ElementsAre(a + ": extends cycle: " + a + " → " + b + " → " + a));
}

TEST(ScenarioDocument, AMissingParentIsACannotRead) {
  testing::TinyCopy copy;
  copy.write("child.toml", "extends = \"nowhere.toml\"\n");
  EXPECT_THAT(
      read(copy.path("child.toml")).problems,
      ElementsAre(copy.shown("nowhere.toml") + ": cannot read file (No such file or directory)"));
}

TEST(ScenarioDocument, OverridesReplaceKeysAfterExtends) {
  testing::TinyCopy copy;
  const Read result = read(copy.scenario(), {"fertility.tfr.2035=2.0", "scenario.title=High growth",
                                             "migration.in_migrants={ 2030 = 200 }",
                                             "fertility.sex_ratio_at_birth=1.06"});
  ASSERT_TRUE(result.document);
  EXPECT_THAT(result.problems, ElementsAre());
  const ScenarioSettings& settings = result.document->settings;
  EXPECT_DOUBLE_EQ(settings.tfr.at(2029), 1.4);
  EXPECT_DOUBLE_EQ(settings.tfr.at(2032), 1.7);
  EXPECT_DOUBLE_EQ(settings.tfr.at(2035), 2.0);
  EXPECT_EQ(settings.title, "High growth");
  EXPECT_DOUBLE_EQ(settings.in_migrants.at(2025), 200.0);
  EXPECT_DOUBLE_EQ(settings.sex_ratio_at_birth, 1.06);
  EXPECT_THAT(result.document->resolved_text, HasSubstr("title = 'High growth'"));
}

TEST(ScenarioDocument, BadOverridesAreAllReported) {
  testing::TinyCopy copy;
  const Read result =
      read(copy.scenario(), {"fertility.tfr", "fertility.tfrr=1", "mortality.infant_a0.x=1",
                             "fertility.sex_ratio_at_birth=abc", "a..b=1", "extends=x.toml"});
  EXPECT_THAT(
      result.problems,
      ElementsAre("--set fertility.tfr: expected KEY=VALUE",
                  "--set mortality.infant_a0.x=1: 'mortality.infant_a0' is 0.1, not a table; set "
                  "'mortality.infant_a0' as a whole",
                  "--set a..b=1: 'a..b' is not a dotted key such as fertility.tfr",
                  "--set extends=x.toml: 'extends' cannot be overridden",
                  "--set fertility.sex_ratio_at_birth=abc: key 'fertility.sex_ratio_at_birth' must "
                  "be a number between 0.9 and 1.2, found the string \"abc\"",
                  "--set fertility.tfrr=1: unknown key 'fertility.tfrr' (did you mean "
                  "'fertility.tfr'?)"));
}

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("fertility.tfrr", "fertility.tfr"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

}  // namespace
}  // namespace wardsim::scenarios
