#include "wardsim/io/ensemble_writer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/io_test_support.h"
#include "io/raw_h5.h"
#include "wardsim/error.h"

namespace wardsim::io {
namespace {

namespace agent = engine::agent;
using testing::make_dims;
using testing::make_projection;
using testing::make_provenance;
using testing::shape_of;
using testing::string_attribute;

// A distinct value for every (quantity, statistic, cell).
double statistic_value(int quantity, int statistic, std::size_t cell) {
  return quantity * 1.0e6 + statistic * 1.0e5 + static_cast<double>(cell) + 0.5;
}

agent::CellStatistics make_statistics(int quantity, std::vector<std::uint64_t> shape) {
  agent::CellStatistics s;
  s.shape = std::move(shape);
  std::size_t n = 1;
  for (const auto extent : s.shape) n *= extent;
  for (std::size_t k = 0; k < n; ++k) {
    s.mean.push_back(statistic_value(quantity, 0, k));
    s.sd.push_back(statistic_value(quantity, 1, k));
    for (std::size_t q = 0; q < s.quantiles.size(); ++q) {
      s.quantiles[q].push_back(statistic_value(quantity, 2 + static_cast<int>(q), k));
    }
  }
  return s;
}

agent::EnsembleResult make_ensemble(bool trajectories) {
  const auto dims = make_dims();
  const auto Y = static_cast<std::uint64_t>(dims.years());
  const auto D = static_cast<std::uint64_t>(dims.district_count());
  agent::EnsembleResult e;
  e.replicates = 3;
  e.seed = 12345678901234ULL;
  e.mean = make_projection(dims);
  e.population_by_band = make_statistics(1, {Y, D, 2, agent::kAgeBands});
  e.district_population = make_statistics(2, {Y, D});
  e.ward_population = make_statistics(3, {Y});
  for (int k = 0; k < agent::kIndicators; ++k)
    e.indicators.push_back(make_statistics(10 + k, {Y, D}));
  if (trajectories) {
    for (int r = 0; r < e.replicates; ++r) {
      std::vector<std::int32_t> cube(Y * D * engine::kCells);
      for (std::size_t k = 0; k < cube.size(); ++k) cube[k] = r * 100000 + static_cast<int>(k);
      e.trajectories.push_back(cube);
    }
  }
  return e;
}

class EnsembleWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("wardsim_ensemble_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

std::vector<double> read_doubles(const H5::H5File& file, const std::string& path) {
  const auto dataset = file.openDataSet(path);
  std::size_t n = 1;
  for (const auto extent : shape_of(dataset)) n *= extent;
  std::vector<double> values(n);
  dataset.read(values.data(), H5::PredType::NATIVE_DOUBLE);
  return values;
}

TEST_F(EnsembleWriter, WritesEveryStatisticBesideTheMeanProjection) {
  const agent::EnsembleResult ensemble = make_ensemble(false);
  auto provenance = make_provenance("agents");
  provenance.mode = "agent";
  const auto file = dir_ / "run.h5";
  write_ensemble_results(file, {&ensemble.mean, provenance, nullptr}, ensemble);

  const H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  const auto group = h5.openGroup("/scenarios/agents/ensemble");
  std::int32_t replicates = 0;
  group.openAttribute("replicates").read(H5::PredType::NATIVE_INT32, &replicates);
  EXPECT_EQ(replicates, 3);
  std::uint64_t seed = 0;
  group.openAttribute("seed").read(H5::PredType::NATIVE_UINT64, &seed);
  EXPECT_EQ(seed, 12345678901234ULL);
  EXPECT_EQ(string_attribute(h5.openGroup("/scenarios/agents"), "mode"), "agent");
  EXPECT_EQ(shape_of(h5.openDataSet("/scenarios/agents/population")),
            (std::vector<hsize_t>{3, 3, 2, 101}));

  const auto bands = h5.openDataSet("/scenarios/agents/ensemble/population_by_band/q95");
  EXPECT_EQ(shape_of(bands), (std::vector<hsize_t>{3, 3, 2, 21}));
  EXPECT_EQ(string_attribute(bands, "dims"), "year,district,sex,age_band");
  EXPECT_EQ(read_doubles(h5, "/scenarios/agents/ensemble/population_by_band/q95"),
            ensemble.population_by_band.quantiles[4]);
  EXPECT_EQ(read_doubles(h5, "/scenarios/agents/ensemble/ward_population/mean"),
            ensemble.ward_population.mean);
  EXPECT_EQ(read_doubles(h5, "/scenarios/agents/ensemble/district_population/sd"),
            ensemble.district_population.sd);
  EXPECT_EQ(read_doubles(h5, "/scenarios/agents/ensemble/households/households_8050/q50"),
            ensemble.indicators[static_cast<std::size_t>(agent::Indicator::kHouseholds8050)]
                .quantiles[2]);
  EXPECT_EQ(string_attribute(
                h5.openDataSet("/scenarios/agents/ensemble/households/persons_75_plus_alone/mean"),
                "units"),
            "persons");
  EXPECT_EQ(read_doubles(h5, "/scenarios/agents/ensemble/quantile_levels"),
            (std::vector<double>{0.05, 0.25, 0.5, 0.75, 0.95}));
  EXPECT_FALSE(h5.nameExists("/scenarios/agents/ensemble/trajectories"));
  std::vector<std::string> left;  // no temporary file is left beside the result
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    left.push_back(entry.path().filename().string());
  }
  EXPECT_THAT(left, ::testing::ElementsAre("run.h5"));
}

TEST_F(EnsembleWriter, KeptTrajectoriesAreWrittenAsWholePersons) {
  const agent::EnsembleResult ensemble = make_ensemble(true);
  const auto file = dir_ / "run.h5";
  write_ensemble_results(file, {&ensemble.mean, make_provenance("agents"), nullptr}, ensemble);
  const H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  const auto dataset = h5.openDataSet("/scenarios/agents/ensemble/trajectories/population");
  EXPECT_EQ(shape_of(dataset), (std::vector<hsize_t>{3, 3, 3, 2, 101}));
  std::vector<std::int32_t> values(3 * 3 * 3 * 202);
  dataset.read(values.data(), H5::PredType::NATIVE_INT32);
  EXPECT_EQ(values[0], 0);
  EXPECT_EQ(values[2 * 3 * 3 * 202 + 5], 200005);
}

TEST_F(EnsembleWriter, MismatchedStatisticsAreRejectedAndNothingIsWritten) {
  agent::EnsembleResult ensemble = make_ensemble(false);
  ensemble.ward_population.mean.pop_back();
  ensemble.indicators.pop_back();
  const auto file = dir_ / "run.h5";
  try {
    write_ensemble_results(file, {&ensemble.mean, make_provenance("agents"), nullptr}, ensemble);
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    EXPECT_THAT(error.problems(),
                ::testing::ElementsAre(
                    "results file '" + file.string() +
                        "': ensemble statistics 'ward_population' do not match the projection's "
                        "3 years and 3 districts",
                    "results file '" + file.string() +
                        "': ensemble has 9 household indicators, expected 10"));
  }
  EXPECT_FALSE(std::filesystem::exists(dir_));
}

}  // namespace
}  // namespace wardsim::io
