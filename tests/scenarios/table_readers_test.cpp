#include "wardsim/scenarios/table_readers.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>

namespace wardsim::scenarios {
namespace {

using ::testing::ElementsAre;

DistrictLookup three_districts() {
  return make_district_lookup(
      {{"A1", "", "", "", ""}, {"A2", "", "", "", ""}, {"B1", "", "", "", ""}},
      "tables/districts.csv");
}

// Header plus one line per (prefix, sex, age) with `value(sex, age)`; a row for which `keep` is
// false is left out.
std::string sex_age_csv(
    const std::string& header, const std::vector<std::string>& prefixes,
    const std::function<std::string(const std::string&, const std::string&, int)>& value,
    const std::function<bool(const std::string&, const std::string&, int)>& keep =
        [](const std::string&, const std::string&, int) { return true; }) {
  std::string text = header + "\n";
  for (const auto& prefix : prefixes) {
    for (const std::string sex : {"male", "female"}) {
      for (int age = 0; age <= 100; ++age) {
        if (keep(prefix, sex, age)) {
          text += prefix + sex + ',' + std::to_string(age) + ',' + value(prefix, sex, age) + '\n';
        }
      }
    }
  }
  return text;
}

CsvTable parsed(const std::string& text, const std::string& file,
                std::span<const std::string_view> columns) {
  ProblemList problems;
  auto table = CsvTable::parse(text, file, columns, problems);
  EXPECT_TRUE(table && problems.empty()) << file;
  return *table;
}

TEST(AgeRanges, ListsRunsCompactly) {
  EXPECT_EQ(age_ranges({17, 40, 41, 42, 43, 44, 45}), "17, 40-45");
  EXPECT_EQ(age_ranges({0, 1, 100}), "0-1, 100");
  EXPECT_EQ(age_ranges({}), "");
}

TEST(Districts, ReadsIdsInOrderAndReportsDuplicatesAndBadCells) {
  const auto table = parsed(
      "district_id,name_ja,name_en,region_ja,region_en,approx_lat,approx_lon\n"
      "A1,朝日一,Asahi 1,北部,North,35.65,139.65\n"
      "A2,朝日二,Asahi 2,北部,North,north,139.66\n"
      "A1,朝日三,Asahi 3,北部,,35.6,139.6\n",
      "districts.csv", kDistrictsColumns);
  ProblemList problems;
  const auto districts = read_districts(table, problems);
  ASSERT_EQ(districts.size(), 2u);
  EXPECT_EQ(districts[1].id, "A2");
  EXPECT_EQ(districts[1].name_ja, "朝日二");
  EXPECT_EQ(districts[0].region_en, "North");
  EXPECT_THAT(
      problems.messages(),
      ElementsAre(
          "districts.csv:3: column 'approx_lat': expected a latitude between -90 and 90, found "
          "'north'",
          "districts.csv:4: column 'region_en': expected a non-empty value, found ''",
          "districts.csv:4: column 'district_id': duplicate district 'A1' (first on line 2)"));
}

TEST(BasePopulation, ReadsEveryCell) {
  const auto table = parsed(sex_age_csv("district_id,sex,age,population", {"A1,", "A2,", "B1,"},
                                        [](const std::string& d, const std::string& sex, int age) {
                                          return std::to_string((d == "A2," ? 1000 : 0) +
                                                                (sex == "female" ? 500 : 0) + age);
                                        }),
                            "pop.csv", kBasePopulationColumns);
  ProblemList problems;
  const auto population = read_base_population(table, three_districts(), problems);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(population.rows(), 3);
  EXPECT_EQ(population(1, engine::cell(engine::kFemale, 30)), 1530.0);
  EXPECT_EQ(population(2, engine::cell(engine::kMale, 100)), 100.0);
}

TEST(BasePopulation, ReportsMissingDistrictsAgesUnknownIdsDuplicatesAndBadValues) {
  std::string text = sex_age_csv(
      "district_id,sex,age,population", {"A1,", "A2,"},
      [](const std::string&, const std::string&, int age) {
        return age == 5 ? std::string("-3") : age == 6 ? std::string("lots") : std::string("10");
      },
      [](const std::string& d, const std::string& sex, int age) {
        return !(d == "A2," && sex == "female" && (age == 17 || (age >= 40 && age <= 45)));
      });
  text += "XX9,male,3,10\nA1,male,3,10\nA1,boy,3,10\nA1,male,101,10\n";
  const auto table = parsed(text, "pop.csv", kBasePopulationColumns);
  ProblemList problems;
  read_base_population(table, three_districts(), problems);
  const auto messages = problems.messages();
  EXPECT_THAT(std::vector<std::string>(messages.begin(), messages.begin() + 2),
              ElementsAre("pop.csv:7: column 'population': expected a number ≥ 0, found '-3'",
                          "pop.csv:8: column 'population': expected a number ≥ 0, found 'lots'"));
  EXPECT_THAT(
      std::vector<std::string>(messages.end() - 6, messages.end()),
      ElementsAre(
          "pop.csv:399: column 'district_id': unknown district 'XX9' (not in "
          "tables/districts.csv)",
          "pop.csv:400: duplicate row for district A1 male age 3 (first on line 5)",
          "pop.csv:401: column 'sex': expected 'male' or 'female', found 'boy'",
          "pop.csv:402: column 'age': expected an integer age between 0 and 100, found '101'",
          "pop.csv: district A2 female: missing ages 17, 40-45",
          "pop.csv: district B1 is missing"));
  EXPECT_EQ(messages.size(), 4u * 2 + 6);  // -3 and 'lots' in both sexes of A1 and A2
}

TEST(Fertility, ReadsAgesTenToFiftyFiveAndChecksTheRange) {
  ProblemList problems;
  const auto good =
      read_fertility(parsed("age,asfr\n15,0.1\n30,0.2\n", "f.csv", kFertilityColumns), problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(good(30), 0.2);
  EXPECT_DOUBLE_EQ(good.sum(), 0.3);
  read_fertility(
      parsed("age,asfr\n9,0.1\n30,0.7\n30,0.1\n56,0\n31,x\n", "f.csv", kFertilityColumns),
      problems);
  read_fertility(parsed("age,asfr\n20,0\n", "zero.csv", kFertilityColumns), problems);
  EXPECT_THAT(
      problems.messages(),
      ElementsAre("f.csv:2: column 'age': expected an integer age between 10 and 55, found '9'",
                  "f.csv:3: column 'asfr': expected a rate between 0 and 0.5, found '0.7'",
                  "f.csv:4: duplicate row for age 30 (first on line 3)",
                  "f.csv:5: column 'age': expected an integer age between 10 and 55, found '56'",
                  "f.csv:6: column 'asfr': expected a rate between 0 and 0.5, found 'x'",
                  "zero.csv: every asfr is 0, so the schedule cannot be rescaled to the tfr"));
}

TEST(SexAgeSchedules, ProbabilitiesMustLieBetweenZeroAndOne) {
  const auto table =
      parsed(sex_age_csv(
                 "sex,age,qx", {""},
                 [](const std::string&, const std::string& sex, int age) {
                   return sex == "male" && age == 100 ? std::string("1.2") : std::string("0.01");
                 },
                 [](const std::string&, const std::string& sex, int age) {
                   return !(sex == "male" && age == 0);
                 }),
             "qx.csv", kMortalityColumns);
  ProblemList problems;
  const auto qx = read_sex_age_schedule(table, ScheduleRule::Probability, problems);
  EXPECT_EQ(qx(engine::kFemale, 7), 0.01);
  EXPECT_THAT(problems.messages(),
              ElementsAre("qx.csv:101: column 'qx': expected a probability between 0 and 1, found "
                          "'1.2'",
                          "qx.csv: male: missing ages 0"));
}

TEST(SexAgeSchedules, SharesMustSumToOne) {
  const auto profile = [](double share) {
    return sex_age_csv("sex,age,share", {""},
                       [share](const std::string&, const std::string&, int age) {
                         return age == 30 ? std::to_string(share) : std::string("0");
                       });
  };
  ProblemList problems;
  const auto good = read_sex_age_schedule(
      parsed(profile(0.5), "in.csv", kInMigrationProfileColumns), ScheduleRule::Shares, problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(good(engine::kMale, 30), 0.5);
  read_sex_age_schedule(parsed(profile(0.49), "in.csv", kInMigrationProfileColumns),
                        ScheduleRule::Shares, problems);
  EXPECT_THAT(problems.messages(), ElementsAre("in.csv: shares sum to 0.98, expected 1 (± 1e-6)"));
}

TEST(MoveDestinations, ChecksOriginsDestinationsAndSums) {
  ProblemList problems;
  const auto good = read_move_destinations(
      parsed("origin,destination,share\nA1,A2,0.6\nA1,B1,0.4\nA2,A1,1\nB1,A1,0.5\nB1,A2,0.5\n",
             "md.csv", kMoveDestinationsColumns),
      three_districts(), problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(good(0, 1), 0.6);
  EXPECT_EQ(good(1, 2), 0.0);
  read_move_destinations(parsed("origin,destination,share\nA1,A1,0.6\nA1,Z9,0.4\nA2,A1,1\n"
                                "A2,A1,1\nB1,A2,2\n",
                                "md.csv", kMoveDestinationsColumns),
                         three_districts(), problems);
  read_move_destinations(parsed("origin,destination,share\nA1,A2,0.6\nA2,A1,1\nB1,A1,1\n",
                                "sum.csv", kMoveDestinationsColumns),
                         three_districts(), problems);
  EXPECT_THAT(
      problems.messages(),
      ElementsAre(
          "md.csv:2: column 'destination': expected a district other than the origin, found 'A1'",
          "md.csv:3: column 'destination': unknown district 'Z9' (not in tables/districts.csv)",
          "md.csv:5: duplicate row for origin A2 destination A1 (first on line 4)",
          "md.csv:6: column 'share': expected a share between 0 and 1, found '2'",
          "sum.csv: origin A1: shares sum to 0.6, expected 1 (± 1e-6)"));
}

TEST(DistrictFactors, EveryDistrictOnceWithMultipliersAndWeights) {
  const std::string header =
      "district_id,fertility_multiplier,mortality_multiplier,out_migration_multiplier,"
      "move_multiplier,in_migration_weight\n";
  ProblemList problems;
  const auto good =
      read_district_factors(parsed(header + "A1,1,1,1,1,2\nA2,1.2,0.9,1,1,1\nB1,0.8,1.1,1,1,0\n",
                                   "df.csv", kDistrictFactorsColumns),
                            three_districts(), problems);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(good.fertility(1), 1.2);
  EXPECT_EQ(good.in_migration_weight(0), 2.0);
  read_district_factors(parsed(header + "A1,6,1,1,1,2\nA2,1,1,1,1,-1\nA2,1,1,1,1,1\n", "df.csv",
                               kDistrictFactorsColumns),
                        three_districts(), problems);
  read_district_factors(parsed(header + "A1,1,1,1,1,0\nA2,1,1,1,1,0\nB1,1,1,1,1,0\n", "zero.csv",
                               kDistrictFactorsColumns),
                        three_districts(), problems);
  EXPECT_THAT(
      problems.messages(),
      ElementsAre(
          "df.csv:2: column 'fertility_multiplier': expected a multiplier between 0 and 5, found "
          "'6'",
          "df.csv:3: column 'in_migration_weight': expected a weight ≥ 0, found '-1'",
          "df.csv:4: duplicate row for district A2 (first on line 3)",
          "df.csv: district B1 is missing",
          "zero.csv: in_migration_weight is 0 for every district (at least one must be "
          "positive)"));
}

}  // namespace
}  // namespace wardsim::scenarios
