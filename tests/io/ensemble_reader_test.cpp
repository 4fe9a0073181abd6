#include "wardsim/io/ensemble_reader.h"

#include "io/io_test_support.h"
#include "raw_h5.h"
#include "wardsim/error.h"
#include "wardsim/io/results_writer.h"

namespace wardsim::io {
namespace {

class EnsembleReaderTest : public testing::TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    file_ = dir_ / "results.h5";
    const auto projection = testing::make_projection();
    write_results(file_, {{&projection, testing::make_provenance("baseline"), nullptr}});
  }

  // Adds ensemble/ward_population/<name> with `count` values 1000 × level + year index.
  void add_ward_dataset(const std::string& name, double level, hsize_t count) {
    H5::H5File h5(file_.string(), H5F_ACC_RDWR);
    const std::string group = "/scenarios/baseline/ensemble/ward_population";
    if (!h5.nameExists("/scenarios/baseline/ensemble"))
      h5.createGroup("/scenarios/baseline/ensemble");
    if (!h5.nameExists(group)) h5.createGroup(group);
    std::vector<double> values;
    for (hsize_t y = 0; y < count; ++y) values.push_back(1000.0 * level + static_cast<double>(y));
    const H5::DataSpace space(1, &count);
    h5.createDataSet(group + "/" + name, H5::PredType::IEEE_F64LE, space)
        .write(values.data(), H5::PredType::NATIVE_DOUBLE);
  }

  std::filesystem::path file_;
};

TEST_F(EnsembleReaderTest, NoEnsembleMeansNoSummary) {
  EXPECT_FALSE(read_ensemble_summary(file_, "baseline").has_value());
}

TEST_F(EnsembleReaderTest, ReadsTheQuantilesInOrderOfLevel) {
  add_ward_dataset("q75", 0.75, 3);
  add_ward_dataset("q25", 0.25, 3);
  add_ward_dataset("sd", 0.0, 3);  // not a quantile: ignored
  const auto summary = read_ensemble_summary(file_, "baseline");
  ASSERT_TRUE(summary.has_value());
  EXPECT_EQ(summary->replicates, 0);  // not recorded
  ASSERT_EQ(summary->quantiles.size(), 2U);
  EXPECT_EQ(summary->quantiles[0].name, "q25");
  EXPECT_DOUBLE_EQ(summary->quantiles[0].level, 0.25);
  EXPECT_THAT(summary->quantiles[1].values, ::testing::ElementsAre(750.0, 751.0, 752.0));
  EXPECT_TRUE(summary->mean.empty());
}

TEST_F(EnsembleReaderTest, AQuantileWithoutOneValuePerYearIsAnInputError) {
  add_ward_dataset("q50", 0.5, 2);
  WARDSIM_EXPECT_THROW_MSG(read_ensemble_summary(file_, "baseline"), InputError,
                           "results file '" + file_.string() +
                               "': dataset '/scenarios/baseline/ensemble/ward_population/q50' has "
                               "shape [2], expected [3]");
}

}  // namespace
}  // namespace wardsim::io
