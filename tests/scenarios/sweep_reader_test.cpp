#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "scenarios/scenario_test_support.h"
#include "wardsim/scenarios/sweep.h"

namespace wardsim::scenarios {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::problems_thrown;
using testing::TinyCopy;

// A sweep file beside the tiny scenario copy, over tiny.toml.
std::filesystem::path write_sweep(
    const TinyCopy& tiny, const std::string& body,
    const std::string& header = "[sweep]\nname = \"s\"\nbase = \"tiny.toml\"\n") {
  tiny.write("sweep.toml", header + body);
  return tiny.path("sweep.toml");
}

std::string joined(const std::vector<std::string>& problems) {
  std::string text;
  for (const auto& problem : problems) text += problem + "\n";
  return text;
}

TEST(SweepReader, ListOfVariantsBecomesOverrides) {
  TinyCopy tiny;
  const Sweep sweep = read_sweep(write_sweep(tiny,
                                             "[[variants]]\nname = \"low\"\n"
                                             "set = { \"fertility.tfr\" = 0.8 }\n"
                                             "[[variants]]\nname = \"high\"\n"
                                             "set = { \"fertility.tfr\" = 1.25, "
                                             "\"migration.in_migrants\" = 150 }\n"));
  EXPECT_EQ(sweep.name, "s");
  EXPECT_EQ(sweep.design, "variants");
  EXPECT_EQ(sweep.base_scenario, tiny.path("tiny.toml").lexically_normal());
  ASSERT_EQ(sweep.variants.size(), 2U);
  EXPECT_EQ(sweep.variants[0].name, "low");
  EXPECT_THAT(sweep.variants[0].overrides, ElementsAre("fertility.tfr=0.8"));
  EXPECT_THAT(sweep.variants[1].overrides,
              ElementsAre("fertility.tfr=1.25", "migration.in_migrants=150"));
  // The resolved text spells out every variant.
  EXPECT_THAT(sweep.resolved_text, HasSubstr("migration.in_migrants=150"));
  EXPECT_NO_THROW(check_sweep_levers(sweep));
}

TEST(SweepReader, GridExpandsToEveryCombination) {
  TinyCopy tiny;
  const Sweep sweep = read_sweep(write_sweep(
      tiny,
      "[grid]\n\"fertility.tfr\" = [0.8, 1.2]\n\"migration.in_migrants\" = [50, 100, 200]\n"));
  ASSERT_EQ(sweep.variants.size(), 6U);
  EXPECT_EQ(sweep.variants[0].name, "grid_001");
  EXPECT_THAT(sweep.variants[0].overrides,
              ElementsAre("fertility.tfr=0.8", "migration.in_migrants=50"));
  EXPECT_THAT(sweep.variants[5].overrides,
              ElementsAre("fertility.tfr=1.2", "migration.in_migrants=200"));
}

TEST(SweepReader, LatinHypercubeSamplesInsideTheRanges) {
  TinyCopy tiny;
  const Sweep sweep = read_sweep(write_sweep(tiny,
                                             "[latin_hypercube]\nsamples = 8\nseed = 3\n"
                                             "ranges = { \"fertility.tfr\" = [0.8, 1.6] }\n"));
  ASSERT_EQ(sweep.variants.size(), 8U);
  std::set<int> strata;
  for (const auto& variant : sweep.variants) {
    ASSERT_EQ(variant.overrides.size(), 1U);
    const double value =
        std::stod(variant.overrides[0].substr(std::string("fertility.tfr=").size()));
    ASSERT_GE(value, 0.8);
    ASSERT_LE(value, 1.6);
    strata.insert(static_cast<int>((value - 0.8) / 0.1));  // 8 strata of width 0.1
  }
  EXPECT_EQ(strata.size(), 8U);
}

TEST(SweepReader, MonteCarloAloneRunsTheBase) {
  TinyCopy tiny;
  const Sweep sweep = read_sweep(
      write_sweep(tiny,
                  "[monte_carlo]\ndraws = 50\nseed = 9\n"
                  "multipliers = { tfr = { distribution = \"lognormal\", sigma = 0.1 }, "
                  "in_migration = { distribution = \"uniform\", min = 0.8, max = 1.2 } }\n"));
  EXPECT_EQ(sweep.design, "base");
  ASSERT_EQ(sweep.variants.size(), 1U);
  EXPECT_TRUE(sweep.variants[0].overrides.empty());
  ASSERT_TRUE(sweep.monte_carlo.has_value());
  EXPECT_EQ(sweep.monte_carlo->draws, 50);
  ASSERT_EQ(sweep.monte_carlo->rates.size(), 2U);
  EXPECT_EQ(sweep.monte_carlo->rates[0].rate, "tfr");
  EXPECT_EQ(sweep.monte_carlo->rates[1].max, 1.2);
}

TEST(SweepReader, UnknownKeysAreReportedWithSuggestionsAllAtOnce) {
  TinyCopy tiny;
  const auto problems = problems_thrown([&] {
    read_sweep(
        write_sweep(tiny,
                    "[latin_hypercub]\nsamples = 3\n"
                    "[monte_carlo]\ndraws = 5\nseed = 1\n"
                    "multipliers = { tfrr = { distribution = \"lognormal\", sigma = 0.1 } }\n",
                    "[sweep]\nname = \"s\"\nbsae = \"tiny.toml\"\n"));
  });
  const std::string text = joined(problems);
  EXPECT_THAT(text, HasSubstr("unknown key 'latin_hypercub' (did you mean 'latin_hypercube'?)"));
  EXPECT_THAT(text, HasSubstr("unknown key 'sweep.bsae' (did you mean 'sweep.base'?)"));
  EXPECT_THAT(text, HasSubstr("missing required key 'sweep.base'"));
  EXPECT_THAT(text, HasSubstr("unknown key 'monte_carlo.multipliers.tfrr' (did you mean 'tfr'?)"));
}

TEST(SweepReader, ASweepWithNoScenariosIsRefused) {
  TinyCopy tiny;
  EXPECT_THAT(joined(problems_thrown([&] { read_sweep(write_sweep(tiny, "")); })),
              HasSubstr("the sweep has no scenarios"));
  EXPECT_THAT(joined(problems_thrown([&] {
                read_sweep(write_sweep(
                    tiny, "", "variants = []\n[sweep]\nname = \"s\"\nbase = \"tiny.toml\"\n"));
              })),
              HasSubstr("key 'variants' is empty: the sweep has no scenarios"));
  EXPECT_THAT(joined(problems_thrown([&] { read_sweep(write_sweep(tiny, "[grid]\n")); })),
              HasSubstr("key 'grid' is empty"));
}

TEST(SweepReader, BadRangesAndDistributionsAreRefused) {
  TinyCopy tiny;
  const std::string text = joined(problems_thrown([&] {
    read_sweep(write_sweep(tiny,
                           "[latin_hypercube]\nsamples = 0\nseed = 1\n"
                           "ranges = { \"fertility.tfr\" = [1.5, 1.0] }\n"
                           "[monte_carlo]\ndraws = 10\nseed = 1\nmultipliers = { tfr = { "
                           "distribution = \"gamma\" }, in_migration = { distribution = "
                           "\"lognormal\", sigma = -1 } }\n"));
  }));
  EXPECT_THAT(text, HasSubstr("key 'latin_hypercube.samples' must be an integer between 1 and"));
  EXPECT_THAT(text, HasSubstr("'latin_hypercube.ranges.fertility.tfr' must have min < max"));
  EXPECT_THAT(text, HasSubstr("'monte_carlo.multipliers.tfr.distribution' must be \"lognormal\" or "
                              "\"uniform\", found the string \"gamma\""));
  EXPECT_THAT(text, HasSubstr("'monte_carlo.multipliers.in_migration.sigma' must be a number "
                              "between 0 and 1, found -1"));
}

TEST(CheckSweepLevers, ALeverOutsideItsRangeOrAnUnknownKeyIsRefused) {
  TinyCopy tiny;
  const Sweep sweep = read_sweep(write_sweep(tiny,
                                             "[[variants]]\nname = \"too_high\"\n"
                                             "set = { \"fertility.tfr\" = 7 }\n"
                                             "[[variants]]\nname = \"typo\"\n"
                                             "set = { \"fertility.tfrr\" = 1.0 }\n"));
  const std::string text = joined(problems_thrown([&] { check_sweep_levers(sweep); }));
  EXPECT_THAT(text, HasSubstr("variant 'too_high': --set fertility.tfr=7: key 'fertility.tfr' must "
                              "be a number between 0.1 and 5"));
  EXPECT_THAT(text,
              HasSubstr("variant 'typo': --set fertility.tfrr=1: unknown key 'fertility.tfrr' "
                        "(did you mean 'fertility.tfr'?)"));
}

TEST(CheckSweepLevers, ALatinHypercubeRangeReachingOutsideIsRefusedOnce) {
  TinyCopy tiny;
  const Sweep sweep = read_sweep(write_sweep(tiny,
                                             "[latin_hypercube]\nsamples = 50\nseed = 1\n"
                                             "ranges = { \"fertility.tfr\" = [0.05, 1.0] }\n"));
  const auto problems = problems_thrown([&] { check_sweep_levers(sweep); });
  ASSERT_EQ(problems.size(), 1U) << joined(problems);
  EXPECT_THAT(problems[0], HasSubstr("latin_hypercube range of 'fertility.tfr': --set "
                                     "fertility.tfr=0.05: key 'fertility.tfr' must be a number "
                                     "between 0.1 and 5"));
}

}  // namespace
}  // namespace wardsim::scenarios
