// `wardsim backcast --ensemble FILE --probability P` on the tiny city (2025-2030), with ensembles
// added by hand to a results file so that every draw's demand is known: per-replicate
// populations (an agent ensemble with kept trajectories) and stored demand quantiles (a batch
// Monte Carlo ensemble). Also a real agent run, and the bad inputs.

#include <H5Cpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>
#include <sstream>

#include "app/cli_runner.h"
#include "support/h5_reads.h"
#include "support/temp_dir_test.h"
#include "wardsim/app/cli.h"
#include "wardsim/app/exit_codes.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::app {
namespace {

namespace fs = std::filesystem;
using test_support::double_attribute;
using test_support::read_doubles;
using test_support::read_ints;
using test_support::string_attribute;
using ::testing::HasSubstr;

const std::string kTiny = WARDSIM_SOURCE_DIR "/tests/scenarios/fixtures/tiny/tiny_services.toml";
const std::string kTinyPlain = WARDSIM_SOURCE_DIR "/tests/scenarios/fixtures/tiny/tiny.toml";
const std::string kTinyAgent = WARDSIM_SOURCE_DIR "/tests/scenarios/fixtures/tiny/tiny_agent.toml";
constexpr int kYears = 6;  // 2025-2030
constexpr int kDistricts = 3;
constexpr int kDraws = 20;

// Care places for 200 per 1,000 residents aged 75+ (far above the tiny city's places), 2027-2030.
constexpr const char* kCareTarget = R"(
[facilities.elderly_care]
build_lead_time = 3
temporary_lead_time = 1
convert_lead_time = 1
build_cost = 5000
temporary_cost = 800
convert_cost = 1500

[[targets]]
name = "care"
indicator = "care_places_per_1000_aged_75_plus"
at_least = 200
districts = "all"
from = 2027
to = 2030
)";

constexpr const char* kShelterTarget = R"(
[facilities.welfare_shelter]
build_lead_time = 1
temporary_lead_time = 1
convert_lead_time = 1
build_cost = 100
temporary_cost = 10
convert_cost = 50

[[targets]]
name = "shelter"
indicator = "welfare_shelter_for_all"
districts = "all"
from = 2026
to = 2030
)";

using Result = test_support::CliResult;
using test_support::wardsim;

void write_int_attribute(H5::Group& group, const std::string& name, int value) {
  group.createAttribute(name, H5::PredType::NATIVE_INT, H5::DataSpace())
      .write(H5::PredType::NATIVE_INT, &value);
}

class BackcastUncertaintyTest : public test_support::TempDirTest {
 protected:
  std::string targets(const std::string& text) const {
    const fs::path file = dir_ / "targets.toml";
    std::ofstream(file) << text;
    return file.string();
  }

  // A cohort results file of the tiny city, to which an ensemble is added by hand.
  fs::path base_results(const std::vector<std::string>& sets = {},
                        const std::string& scenario = kTiny) const {
    const fs::path file = dir_ / "ensemble.h5";
    std::vector<std::string> args = {"run",         "--scenario", scenario, "--out",
                                     file.string(), "--threads",  "1"};
    for (const auto& set : sets) {
      args.push_back("--set");
      args.push_back(set);
    }
    const Result result = wardsim(args);
    EXPECT_EQ(result.code, kExitOk) << result.err;
    return file;
  }

  // Adds an agent ensemble whose replicate r is `replicates[r]` ([year][district][sex·age]).
  static void add_agent_ensemble(const fs::path& file,
                                 const std::vector<std::vector<std::int32_t>>& replicates) {
    H5::H5File h5(file.string(), H5F_ACC_RDWR);
    H5::Group ensemble = h5.createGroup("/scenarios/tiny/ensemble");
    write_int_attribute(ensemble, "replicates", static_cast<int>(replicates.size()));
    h5.createGroup("/scenarios/tiny/ensemble/trajectories");
    const hsize_t dims[5] = {replicates.size(), kYears, kDistricts, engine::kSexes, engine::kAges};
    std::vector<std::int32_t> all;
    for (const auto& replicate : replicates)
      all.insert(all.end(), replicate.begin(), replicate.end());
    h5.createDataSet("/scenarios/tiny/ensemble/trajectories/population", H5::PredType::NATIVE_INT32,
                     H5::DataSpace(5, dims))
        .write(all.data(), H5::PredType::NATIVE_INT32);
  }

  // Adds a batch Monte Carlo ensemble storing `demand` [level][year][district] of each service.
  static void add_batch_ensemble(const fs::path& file, const std::vector<std::string>& services,
                                 const std::vector<double>& demand) {
    H5::H5File h5(file.string(), H5F_ACC_RDWR);
    H5::Group ensemble = h5.createGroup("/scenarios/tiny/ensemble");
    write_int_attribute(ensemble, "draws", 50);
    const std::vector<double> levels = {0.05, 0.25, 0.5, 0.75, 0.95};
    const hsize_t q = levels.size();
    h5.createDataSet("/scenarios/tiny/ensemble/quantile", H5::PredType::NATIVE_DOUBLE,
                     H5::DataSpace(1, &q))
        .write(levels.data(), H5::PredType::NATIVE_DOUBLE);
    const hsize_t dims[3] = {q, kYears, kDistricts};
    for (const auto& service : services) {
      h5.createGroup("/scenarios/tiny/ensemble/" + service);
      h5.createDataSet("/scenarios/tiny/ensemble/" + service + "/demand",
                       H5::PredType::NATIVE_DOUBLE, H5::DataSpace(3, dims))
          .write(demand.data(), H5::PredType::NATIVE_DOUBLE);
    }
  }
};

// Replicate populations: the central projection scaled by 0.80, 0.82, …, 1.18 (rounded to whole
// persons), stored in a shuffled order.
std::vector<std::vector<std::int32_t>> scaled_replicates(const engine::Projection& central) {
  std::vector<int> order(kDraws);
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 generator(3);
  std::shuffle(order.begin(), order.end(), generator);
  std::vector<std::vector<std::int32_t>> replicates;
  for (const int k : order) {
    const double factor = 0.80 + 0.02 * k;
    std::vector<std::int32_t> persons;
    for (const auto& cube : central.population) {
      for (Eigen::Index i = 0; i < cube.size(); ++i) {
        persons.push_back(static_cast<std::int32_t>(std::lround(cube.data()[i] * factor)));
      }
    }
    replicates.push_back(std::move(persons));
  }
  return replicates;
}

// Each replicate's care places asked for: 200 per 1,000 residents aged 75+, [year][district].
std::vector<std::vector<double>> care_demand(
    const std::vector<std::vector<std::int32_t>>& replicates) {
  std::vector<std::vector<double>> demand;
  for (const auto& persons : replicates) {
    std::vector<double> cells(kYears * kDistricts, 0.0);
    for (int y = 0; y < kYears; ++y) {
      for (int d = 0; d < kDistricts; ++d) {
        for (int sex = 0; sex < engine::kSexes; ++sex) {
          for (int age = 75; age < engine::kAges; ++age) {
            cells[static_cast<std::size_t>(y * kDistricts + d)] += persons[static_cast<std::size_t>(
                (y * kDistricts + d) * engine::kCells + engine::cell(sex, age))];
          }
        }
      }
    }
    for (double& cell : cells) cell *= 200.0 / 1000.0;
    demand.push_back(std::move(cells));
  }
  return demand;
}

TEST_F(BackcastUncertaintyTest, PerReplicateDemandGivesTheExactQuantileAndOnePlaceLessFails) {
  const engine::Projection central =
      engine::project_cohort(scenarios::load_scenario(kTiny).inputs, {.threads = 1});
  const auto replicates = scaled_replicates(central);
  const fs::path ensemble = base_results();
  add_agent_ensemble(ensemble, replicates);
  const fs::path out = dir_ / "b.h5";
  const Result result =
      wardsim({"backcast", targets(kCareTarget), "--scenario", kTiny, "--out", out.string(),
               "--threads", "1", "--ensemble", ensemble.string(), "--probability", "0.9"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  EXPECT_THAT(result.out, HasSubstr("probability 0.9, from the agent ensemble of scenario 'tiny'"));
  EXPECT_THAT(result.out, HasSubstr("20 replicates"));
  EXPECT_THAT(result.out, HasSubstr("exact quantile"));

  const std::string group = "/scenarios/tiny/backcast";
  EXPECT_EQ(double_attribute(out, group + "/uncertainty", "probability"), 0.9);
  EXPECT_EQ(string_attribute(out, group + "/uncertainty", "method"), "per_draw");
  EXPECT_EQ(string_attribute(out, group + "/uncertainty", "ensemble_file"), ensemble.string());

  // The planned demand is the 18th smallest of the 20 draws (0.9 × 20), cell by cell.
  const auto draws = care_demand(replicates);
  const auto demand = read_doubles(out, group + "/schedules/care/demand");
  const auto capacity = read_doubles(out, group + "/schedules/care/capacity");
  const auto added = read_doubles(out, group + "/schedules/care/added");
  ASSERT_EQ(demand.size(), static_cast<std::size_t>(kYears * kDistricts));
  const auto met_by = [&](std::size_t cell, double places) {
    return std::count_if(draws.begin(), draws.end(),
                         [&](const auto& draw) { return places >= draw[cell] - 1e-9; });
  };
  for (std::size_t cell = 0; cell < demand.size(); ++cell) {
    std::vector<double> values;
    for (const auto& draw : draws) values.push_back(draw[cell]);
    std::sort(values.begin(), values.end());
    EXPECT_NEAR(demand[cell], values[17], 1e-9) << "cell " << cell;
    if (cell / kDistricts >= 2) {  // 2027-2030: met in at least 90 % of the draws
      EXPECT_GE(met_by(cell, capacity[cell] + added[cell]), 18) << "cell " << cell;
    }
  }
  // Where each decision's places are first needed, one place less meets fewer than 90 %.
  const auto unit = read_ints(out, group + "/schedules/care/decisions/unit");
  const auto need_year = read_ints(out, group + "/schedules/care/decisions/need_year");
  const auto decide_by = read_ints(out, group + "/schedules/care/decisions/decide_by");
  ASSERT_FALSE(unit.empty());
  for (std::size_t i = 0; i < unit.size(); ++i) {
    const auto cell = static_cast<std::size_t>((need_year[i] - 2025) * kDistricts + unit[i]);
    EXPECT_LT(met_by(cell, capacity[cell] + added[cell] - 1.0), 18) << "decision " << i;
    EXPECT_EQ(decide_by[i], need_year[i] - 3);
  }
}

TEST_F(BackcastUncertaintyTest, StoredQuantileIsUsedAsStoredAndOtherLevelsAreRefused) {
  const fs::path ensemble = base_results();
  std::vector<double> stored(5 * kYears * kDistricts);
  for (int q = 0; q < 5; ++q) {
    for (int y = 0; y < kYears; ++y) {
      for (int d = 0; d < kDistricts; ++d) {
        stored[static_cast<std::size_t>((q * kYears + y) * kDistricts + d)] =
            1000.0 + 100.0 * q + 10.0 * y + d;
      }
    }
  }
  add_batch_ensemble(ensemble, {"infrastructure"}, stored);
  const fs::path out = dir_ / "b.h5";
  const std::string file = targets(kShelterTarget);
  const Result result =
      wardsim({"backcast", file, "--scenario", kTiny, "--out", out.string(), "--threads", "1",
               "--ensemble", ensemble.string(), "--probability", "0.95"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  EXPECT_THAT(result.out, HasSubstr("the 95 % quantile of each district's demand over 50"));
  const auto demand = read_doubles(out, "/scenarios/tiny/backcast/schedules/shelter/demand");
  ASSERT_EQ(demand.size(), static_cast<std::size_t>(kYears * kDistricts));
  for (int y = 0; y < kYears; ++y) {
    for (int d = 0; d < kDistricts; ++d) {
      EXPECT_EQ(demand[static_cast<std::size_t>(y * kDistricts + d)], 1400.0 + 10.0 * y + d);
    }
  }
  EXPECT_EQ(string_attribute(out, "/scenarios/tiny/backcast/uncertainty", "method"),
            "stored_quantile");

  const Result between =
      wardsim({"backcast", file, "--scenario", kTiny, "--out", (dir_ / "c.h5").string(),
               "--ensemble", ensemble.string(), "--probability", "0.9"});
  EXPECT_EQ(between.code, kExitInput);
  EXPECT_THAT(between.err, HasSubstr("--probability 0.9"));
  EXPECT_THAT(between.err, HasSubstr(ensemble.string()));
  EXPECT_THAT(between.err, HasSubstr("only at 0.05, 0.25, 0.5, 0.75, 0.95"));
  EXPECT_FALSE(fs::exists(dir_ / "c.h5"));
}

TEST_F(BackcastUncertaintyTest, StoredDistrictQuantileIsSplitOverAgeGroupsAndSaysSo) {
  const fs::path ensemble = base_results();
  add_batch_ensemble(ensemble, {"childcare"}, std::vector<double>(5 * kYears * kDistricts, 500.0));
  const fs::path out = dir_ / "b.h5";
  const Result result = wardsim({"backcast", targets(R"(
[facilities.childcare]
build_lead_time = 2
temporary_lead_time = 1
convert_lead_time = 1
build_cost = 5000
temporary_cost = 800
convert_cost = 1500

[[targets]]
name = "kids"
indicator = "childcare_no_shortfall"
districts = "all"
from = 2027
to = 2030
)"),
                                 "--scenario", kTiny, "--out", out.string(), "--threads", "1",
                                 "--ensemble", ensemble.string(), "--probability", "0.75"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  EXPECT_THAT(result.out, HasSubstr("an approximation"));
  // Every district's three age groups together plan for the stored 500 children.
  const auto demand = read_doubles(out, "/scenarios/tiny/backcast/schedules/kids/demand");
  ASSERT_EQ(demand.size(), static_cast<std::size_t>(kYears * kDistricts * 3));
  for (int y = 0; y < kYears; ++y) {
    for (int d = 0; d < kDistricts; ++d) {
      const auto first = static_cast<std::size_t>((y * kDistricts + d) * 3);
      EXPECT_NEAR(demand[first] + demand[first + 1] + demand[first + 2], 500.0, 1e-9);
    }
  }
}

TEST_F(BackcastUncertaintyTest, RealAgentEnsembleWithKeptTrajectoriesIsUsedPerReplicate) {
  const fs::path ensemble = dir_ / "agent.h5";
  const Result run = wardsim({"run", "--scenario", kTinyAgent, "--replicates", "6",
                              "--keep-trajectories", "--out", ensemble.string(), "--threads", "1"});
  ASSERT_EQ(run.code, kExitOk) << run.err;
  const fs::path out = dir_ / "b.h5";
  const Result result =
      wardsim({"backcast", targets(kCareTarget), "--scenario", kTiny, "--out", out.string(),
               "--threads", "1", "--ensemble", ensemble.string(), "--probability", "0.5"});
  ASSERT_EQ(result.code, kExitOk) << result.err;
  EXPECT_THAT(result.out, HasSubstr("6 replicates"));
  EXPECT_EQ(double_attribute(out, "/scenarios/tiny/backcast/uncertainty", "probability"), 0.5);
}

TEST_F(BackcastUncertaintyTest, BadInputNamesTheFileOrOptionAndExitsThree) {
  const std::string file = targets(kCareTarget);
  const fs::path out = dir_ / "b.h5";
  const auto backcast = [&](const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"backcast", file,         "--scenario", kTiny,
                                     "--out",    out.string(), "--threads",  "1"};
    args.insert(args.end(), extra.begin(), extra.end());
    return wardsim(args);
  };
  const std::string missing = (dir_ / "missing.h5").string();
  // Outside (0, 1) and a missing file: both reported at once.
  Result result = backcast({"--ensemble", missing, "--probability", "1.5"});
  EXPECT_EQ(result.code, kExitInput);
  EXPECT_THAT(result.err,
              HasSubstr("--probability 1.5: must be a probability above 0 and below 1"));
  EXPECT_THAT(result.err, HasSubstr("--ensemble " + missing + ": no such file"));
  result = backcast({"--ensemble", missing, "--probability", "0"});
  EXPECT_EQ(result.code, kExitInput);
  EXPECT_THAT(result.err, HasSubstr("--probability 0:"));

  // A results file without an ensemble, another scenario's name, other years.
  const fs::path plain = base_results();
  result = backcast({"--ensemble", plain.string()});
  EXPECT_EQ(result.code, kExitInput);
  EXPECT_THAT(result.err, HasSubstr(plain.string()));
  EXPECT_THAT(result.err, HasSubstr("scenario 'tiny' has no ensemble"));
  result = backcast({"--ensemble", plain.string(), "--ensemble-scenario", "other"});
  EXPECT_EQ(result.code, kExitInput);
  EXPECT_THAT(result.err, HasSubstr("no scenario 'other'"));

  fs::remove(plain);
  // (The tiny city without services: its service tables end in 2030.)
  const fs::path shorter = base_results({"scenario.end_year=2029"}, kTinyPlain);
  {
    H5::H5File h5(shorter.string(), H5F_ACC_RDWR);
    H5::Group ensemble = h5.createGroup("/scenarios/tiny/ensemble");
    write_int_attribute(ensemble, "replicates", 1);
  }
  result = backcast({"--ensemble", shorter.string()});
  EXPECT_EQ(result.code, kExitInput);
  EXPECT_THAT(result.err, HasSubstr(shorter.string()));
  EXPECT_THAT(result.err, HasSubstr("its years are 2025-2029, the backcast's 2025-2030"));

  // Options that need --ensemble: a usage error.
  EXPECT_EQ(backcast({"--probability", "0.9"}).code, kExitUsage);
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(BackcastUncertaintyTest, AgentEnsembleWithoutTrajectoriesAsksForThem) {
  const fs::path ensemble = base_results();
  {
    H5::H5File h5(ensemble.string(), H5F_ACC_RDWR);
    H5::Group group = h5.createGroup("/scenarios/tiny/ensemble");
    write_int_attribute(group, "replicates", 12);
  }
  const Result result = wardsim({"backcast", targets(kCareTarget), "--scenario", kTiny, "--out",
                                 (dir_ / "b.h5").string(), "--ensemble", ensemble.string()});
  EXPECT_EQ(result.code, kExitInput);
  EXPECT_THAT(result.err, HasSubstr("--keep-trajectories"));
}

}  // namespace
}  // namespace wardsim::app
