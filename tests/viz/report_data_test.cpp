#include "wardsim/viz/report_data.h"

#include "viz/viz_test_support.h"
#include "wardsim/error.h"

namespace wardsim::viz {
namespace {

using ::testing::DoubleNear;
using ::testing::ElementsAre;
using ::testing::Pointwise;
using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;
using testing::kBaselineGrowth;
using testing::kHighGrowth;
using testing::kWardUnit;

class ReportDataTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    results_ = dir_ / "results.h5";
    testing::write_report_results(results_);
  }

  ReportRequest request() const {
    ReportRequest r;
    r.results = results_;
    r.boundaries = testing::kBoundaries;
    r.boundaries_required = true;
    return r;
  }

  std::vector<std::string> problems_of(const ReportRequest& r) const {
    try {
      build_report_data(r);
    } catch (const InputError& error) {
      return error.problems();
    }
    return {};
  }

  fs::path results_;
};

std::vector<double> doubles(const Json& array) { return array.get<std::vector<double>>(); }

TEST_F(ReportDataTest, WardTotalsAndPeaksAreThoseWritten) {
  const auto data = build_report_data(request());
  EXPECT_EQ(data["format"], "wardsim-report-data");
  EXPECT_EQ(data["years"], Json({2025, 2026, 2027}));
  ASSERT_EQ(data["scenarios"].size(), 2U);  // all of them, in the file's order
  const auto& baseline = data["scenarios"][0];
  const auto& high = data["scenarios"][1];
  EXPECT_EQ(baseline["name"], "baseline");
  EXPECT_EQ(high["name"], "high");
  EXPECT_THAT(doubles(baseline["ward_total"]["values"]),
              Pointwise(DoubleNear(1e-6), {1.0 * kWardUnit, 1.25 * kWardUnit, 1.125 * kWardUnit}));
  EXPECT_EQ(baseline["ward_total"]["peak"]["year"], 2026);
  EXPECT_DOUBLE_EQ(baseline["ward_total"]["peak"]["value"].get<double>(), 1.25 * kWardUnit);
  EXPECT_EQ(high["ward_total"]["peak"]["year"], 2027);
  EXPECT_DOUBLE_EQ(high["ward_total"]["peak"]["value"].get<double>(), 2.0 * kWardUnit);
}

TEST_F(ReportDataTest, PyramidsCountFiveYearBandsOfTheBaseAndTheChosenYear) {
  auto r = request();
  r.year = 2026;
  r.districts = {"KT01"};
  const auto data = build_report_data(r);
  EXPECT_EQ(data["chosen_year"], 2026);
  EXPECT_EQ(data["chosen_districts"], Json({"KT01"}));
  EXPECT_EQ(data["age_bands"].size(), 21U);
  EXPECT_EQ(data["age_bands"][0], "0-4");
  EXPECT_EQ(data["age_bands"][19], "95-99");
  EXPECT_EQ(data["age_bands"][20], "100+");
  const auto& pyramids = data["scenarios"][0]["pyramids"];
  ASSERT_EQ(pyramids.size(), 2U);  // the ward and KT01
  const auto& ward = pyramids[0];
  EXPECT_EQ(ward["area"], "ward");
  // Ward, ages 0-4: (1 + 2 + 3) districts' weights × (1 + … + 5); 95-99: × (96 + … + 100).
  EXPECT_DOUBLE_EQ(ward["base"]["male"][0].get<double>(), 6.0 * 15.0);
  EXPECT_DOUBLE_EQ(ward["base"]["female"][19].get<double>(), 6.0 * 490.0);
  EXPECT_DOUBLE_EQ(ward["base"]["female"][20].get<double>(), 6.0 * 101.0);
  EXPECT_DOUBLE_EQ(ward["chosen"]["male"][0].get<double>(), 1.25 * 6.0 * 15.0);
  const auto& seijo = pyramids[1];
  EXPECT_EQ(seijo["area"], "KT01");
  EXPECT_EQ(seijo["label"], "Seijo");
  EXPECT_DOUBLE_EQ(seijo["chosen"]["female"][1].get<double>(), 1.25 * 3.0 * 40.0);  // 6..10
}

TEST_F(ReportDataTest, ServicesSumTheHeadlinePairOverCategories) {
  auto r = request();
  r.districts = {"SE02"};
  const auto data = build_report_data(r);
  const auto& services = data["scenarios"][0]["services"];
  ASSERT_EQ(services.size(), 2U);
  const auto& childcare = services[0];
  EXPECT_EQ(childcare["demand"]["name"], "demand");
  EXPECT_EQ(childcare["capacity"]["units"], "places");
  EXPECT_TRUE(childcare["per_category_shortfall"].get<bool>());
  // io's hand-made values: indicator × 1e4 + year × 100 + district × 10 + category + 0.25.
  for (std::size_t y = 0; y < 3; ++y) {
    SCOPED_TRACE(y);
    const auto year = static_cast<double>(y);
    EXPECT_DOUBLE_EQ(childcare["ward"]["demand"][y].get<double>(),
                     9.0 * (10000.25 + 100.0 * year) + 99.0);
    EXPECT_DOUBLE_EQ(childcare["ward"]["capacity"][y].get<double>(),
                     9.0 * (20000.25 + 100.0 * year) + 99.0);
    ASSERT_EQ(childcare["districts"].size(), 1U);
    EXPECT_EQ(childcare["districts"][0]["district_id"], "SE02");
    EXPECT_DOUBLE_EQ(childcare["districts"][0]["demand"][y].get<double>(),
                     3.0 * (10010.25 + 100.0 * year) + 3.0);
  }
  const auto& school = services[1];
  EXPECT_FALSE(school["per_category_shortfall"].get<bool>());
  EXPECT_DOUBLE_EQ(school["districts"][0]["capacity"][2].get<double>(), 60000.25 + 200.0 + 10.0);
}

TEST_F(ReportDataTest, MapsHoldOneValuePerDistrictAndTheBoundaries) {
  auto r = request();
  r.indicators = {"population_change", "share_65_plus", "school.classrooms"};
  const auto data = build_report_data(r);
  const auto& maps = data["scenarios"][0]["maps"];
  ASSERT_EQ(maps.size(), 3U);
  EXPECT_EQ(maps[0]["year"], 2027);
  EXPECT_EQ(maps[0]["units"], "%");
  EXPECT_THAT(doubles(maps[0]["values"]), Pointwise(DoubleNear(1e-9), {12.5, 12.5, 12.5}));
  // Ages 65..100 weigh 66 + … + 101 = 5151 − (1 + … + 65) = 3006 of 5151 in every district.
  const double aged = 100.0 * 3006.0 / 5151.0;
  EXPECT_THAT(doubles(maps[1]["values"]), Pointwise(DoubleNear(1e-9), {aged, aged, aged}));
  EXPECT_THAT(doubles(maps[2]["values"]),
              Pointwise(DoubleNear(1e-9), {60200.25, 60210.25, 60220.25}));
  EXPECT_TRUE(data["boundaries"]["illustrative"].get<bool>());
  ASSERT_EQ(data["boundaries"]["features"].size(), 3U);
  EXPECT_EQ(data["boundaries"]["features"][2]["district_id"], "KT01");
  EXPECT_EQ(data["map_note"], "");
}

TEST_F(ReportDataTest, EnsembleQuantilesOnlyWhereTheFileHasThem) {
  const auto data = build_report_data(request());
  EXPECT_TRUE(data["scenarios"][0]["ensemble"].is_null());
  const auto& ensemble = data["scenarios"][1]["ensemble"];
  EXPECT_EQ(ensemble["replicates"], 40);
  ASSERT_EQ(ensemble["quantiles"].size(), 3U);  // ordered by level, not as written
  EXPECT_EQ(ensemble["quantiles"][0]["name"], "q05");
  EXPECT_DOUBLE_EQ(ensemble["quantiles"][0]["level"].get<double>(), 0.05);
  EXPECT_EQ(ensemble["quantiles"][2]["name"], "q95");
  EXPECT_DOUBLE_EQ(ensemble["quantiles"][2]["values"][2].get<double>(), 1.1 * 2.0 * kWardUnit);
  EXPECT_DOUBLE_EQ(ensemble["mean"][1].get<double>(), 1.5 * kWardUnit);
}

TEST_F(ReportDataTest, AMissingDefaultLayerLeavesTheMapOutWithANote) {
  auto r = request();
  r.boundaries = dir_ / "not_installed.geojson";
  r.boundaries_required = false;
  const auto data = build_report_data(r);
  EXPECT_TRUE(data["boundaries"].is_null());
  EXPECT_EQ(data["map_note"], "No map: the boundaries file '" + r.boundaries.string() +
                                  "' is not installed (give one with --boundaries).");
}

TEST_F(ReportDataTest, ReportsEveryProblemOfTheRequestAtOnce) {
  auto r = request();
  r.scenarios = {"baseline", "nope"};
  r.year = 2030;
  r.districts = {"SE01", "ZZ01"};
  r.indicators = {"population", "childcare.nothing"};
  r.boundaries = dir_ / "missing.geojson";
  const std::string file = "results file '" + results_.string() + "'";
  EXPECT_THAT(
      problems_of(r),
      ElementsAre(file + ": no scenario 'nope' (it has: baseline, high)",
                  file + ": no year 2030 (it has 2025-2027)",
                  file + ": no district 'ZZ01' (it has: SE01, SE02, KT01)",
                  file + ": scenario 'baseline' has no map indicator 'childcare.nothing' (it has: "
                         "population, population_change, share_0_14, share_65_plus, "
                         "share_75_plus, childcare.demand, childcare.capacity, childcare.gap, "
                         "childcare.utilisation, school.classrooms_needed, school.classrooms)",
                  "cannot open boundaries file '" + (dir_ / "missing.geojson").string() +
                      "': no such file"));
}

}  // namespace
}  // namespace wardsim::viz
