#include "wardsim/scenarios/targets_file.h"

#include <gtest/gtest.h>

#include "scenarios/scenario_test_support.h"

namespace wardsim::scenarios {
namespace {

using models::backcast::TargetIndicator;

// Three districts, 2025-2035.
engine::Dimensions dims() {
  engine::Dimensions d;
  d.base_year = 2025;
  d.end_year = 2035;
  for (const char* id : {"A1", "A2", "B1"}) d.districts.push_back({id, id, id, "r", "r"});
  return d;
}

constexpr const char* kFacilities = R"(
[facilities.childcare]
build_lead_time = 2
temporary_lead_time = 1
convert_lead_time = 1
build_cost = 5000
temporary_cost = 800
convert_cost = 1500
)";

class TargetsFileTest : public ::testing::Test {
 protected:
  std::string file(const std::string& text) {
    copy_.write("targets.toml", text);
    return copy_.shown("targets.toml");
  }
  testing::TinyCopy copy_;
};

TEST_F(TargetsFileTest, ReadsTargetsFacilitiesConversionsAndAPublishedPath) {
  copy_.write("path.csv", "year,total,note\n2020,90,census\n2025,100,x\n2030,110,x\n2035,99,x\n");
  const std::string name = file(std::string(kFacilities) + R"(
[[conversions]]
from = "school"
to = "childcare"
places_per_place = 20

[[targets]]
name = "kids"
indicator = "childcare_no_shortfall"
districts = ["A2", "B1"]
from = 2027
to = 2030

[[targets]]
name = "path"
indicator = "published_path"
path = { file = "path.csv", value_column = "total" }

[[targets]]
indicator = "child_share_0_14"
year = 2030
at_least = 12.5
lever = { key = "fertility.tfr", low = 0.5, high = 3 }
)");
  const TargetsFile read = read_targets(name, dims());
  const auto& set = read.targets;
  ASSERT_EQ(set.targets.size(), 3u);
  EXPECT_EQ(set.targets[0].indicator, TargetIndicator::ChildcareNoShortfall);
  EXPECT_EQ(set.targets[0].districts, (std::vector<int>{1, 2}));
  EXPECT_EQ(set.targets[0].from_year, 2027);
  EXPECT_EQ(set.targets[0].to_year, 2030);
  // The path is relative to the base year: 110 / 100 and 99 / 100; earlier years are dropped.
  ASSERT_EQ(set.targets[1].path.size(), 2u);
  EXPECT_EQ(set.targets[1].path[0].year, 2030);
  EXPECT_DOUBLE_EQ(set.targets[1].path[0].ratio, 1.1);
  EXPECT_DOUBLE_EQ(set.targets[1].path[1].ratio, 0.99);
  EXPECT_EQ(set.targets[1].districts.size(), 3u);  // all by default
  EXPECT_EQ(set.targets[2].name, "target_3");
  EXPECT_EQ(set.targets[2].from_year, 2030);
  EXPECT_EQ(set.targets[2].to_year, 2030);
  ASSERT_TRUE(set.targets[2].lever.has_value());
  EXPECT_EQ(set.targets[2].lever->key, "fertility.tfr");
  EXPECT_EQ(set.targets[2].lever->high, 3.0);
  EXPECT_EQ(set.facilities.at("childcare").build_lead_time, 2);
  EXPECT_EQ(set.facilities.at("childcare").temporary_cost, 800.0);
  ASSERT_EQ(set.conversions.size(), 1u);
  EXPECT_EQ(set.conversions[0].places_per_place, 20.0);
  EXPECT_EQ(read.sha256.size(), 64u);
}

TEST_F(TargetsFileTest, ReportsEveryBadTargetAtOnce) {
  const std::string name = file(std::string(kFacilities) + R"(
[[targets]]
name = "a"
indicator = "childcare_no_shortfal"

[[targets]]
name = "b"
indicator = "childcare_no_shortfall"
districts = []

[[targets]]
name = "c"
indicator = "ward_total"
at_least = 1
from = 2020
to = 2030

[[targets]]
name = "d"
indicator = "childcare_no_shortfall"
districts = ["A3"]
)");
  const auto problems = testing::problems_thrown([&] { (void)read_targets(name, dims()); });
  EXPECT_EQ(problems,
            (std::vector<std::string>{
                name + ": targets[1] ('a').indicator: unknown indicator 'childcare_no_shortfal' "
                       "(did you mean 'childcare_no_shortfall'?); expected one of "
                       "childcare_no_shortfall, care_places_per_1000_aged_75_plus, "
                       "school_class_size_limit, welfare_shelter_for_all, child_share_0_14, "
                       "ward_total, published_path",
                name + ": targets[2] ('b').districts: the district set is empty; name at least "
                       "one district or \"all\"",
                name + ": targets[3] ('c'): years 2020-2030 are outside the projection 2025-2035",
                name + ": targets[4] ('d').districts: unknown district 'A3' (did you mean 'A1'?)",
            }));
}

TEST_F(TargetsFileTest, ReportsMissingTermsBoundsAndMisplacedLevers) {
  const std::string name = file(R"(
[[targets]]
name = "care"
indicator = "care_places_per_1000_aged_75_plus"
lever = { key = "fertility.tfr", low = 1, high = 2 }

[[targets]]
name = "size"
indicator = "ward_total"
at_least = 10
at_most = 5
frm = 2026
)");
  const auto problems = testing::problems_thrown([&] { (void)read_targets(name, dims()); });
  EXPECT_EQ(problems,
            (std::vector<std::string>{
                name + ": targets[1] ('care'): missing key 'at_least' (places per 1,000 aged 75+)",
                name + ": targets[1] ('care'): needs lead times and costs in "
                       "[facilities.elderly_care]",
                name + ": targets[1] ('care').lever: levers apply to child_share_0_14 and "
                       "ward_total targets; service targets are met with capacity and a "
                       "published path with in-migration",
                name + ": targets[2] ('size').frm: unknown key (did you mean 'from'?); expected "
                       "one of name, indicator, districts, from, to, year, at_least, at_most, "
                       "lever, path",
                name + ": targets[2] ('size'): at_least is above at_most: no value can meet it",
            }));
}

TEST_F(TargetsFileTest, ATargetsFileNeedsTargets) {
  const std::string name = file("title = \"nothing\"\n");
  const auto problems = testing::problems_thrown([&] { (void)read_targets(name, dims()); });
  EXPECT_EQ(
      problems,
      (std::vector<std::string>{name + ": targets: expected at least one [[targets]] table"}));
}

TEST_F(TargetsFileTest, ReadsADiscountRateAndRejectsOneOutsideZeroToOne) {
  const std::string target = std::string(kFacilities) + R"(
[[targets]]
name = "kids"
indicator = "childcare_no_shortfall"
year = 2030
)";
  EXPECT_EQ(read_targets(file(target), dims()).targets.discount_rate, 0.0);  // default
  EXPECT_EQ(read_targets(file("discount_rate = 0.02\n" + target), dims()).targets.discount_rate,
            0.02);
  const std::string name = file("discount_rate = 1.5\n" + target);
  const auto problems = testing::problems_thrown([&] { (void)read_targets(name, dims()); });
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(
      problems[0].rfind(name + ": discount_rate: expected a yearly rate from 0 to below 1", 0), 0u)
      << problems[0];
  EXPECT_NE(problems[0].find("1.5"), std::string::npos) << problems[0];
}

TEST_F(TargetsFileTest, AnUnreadableFileIsAnInputError) {
  const std::string name = copy_.shown("missing.toml");
  const auto problems = testing::problems_thrown([&] { (void)read_targets(name, dims()); });
  EXPECT_EQ(problems,
            (std::vector<std::string>{name + ": cannot read file (No such file or directory)"}));
}

}  // namespace
}  // namespace wardsim::scenarios
