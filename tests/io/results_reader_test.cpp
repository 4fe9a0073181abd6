// Reading results files back: exact round trips, scenario listing, provenance, `wardsim info`
// output, and the errors for files that are missing or are not wardsim results.

#include "wardsim/io/results_reader.h"

#include <H5Cpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "io/io_test_support.h"
#include "wardsim/error.h"
#include "wardsim/io/results_writer.h"

namespace wardsim::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::make_dims;
using testing::make_projection;
using testing::make_provenance;

// Compares two cubes cell by cell and names the first cell that differs.
::testing::AssertionResult same_cells(const Eigen::ArrayXXd& expected,
                                      const Eigen::ArrayXXd& actual) {
  if (expected.rows() != actual.rows() || expected.cols() != actual.cols()) {
    return ::testing::AssertionFailure()
           << "shape " << actual.rows() << "x" << actual.cols() << ", expected " << expected.rows()
           << "x" << expected.cols();
  }
  for (Eigen::Index r = 0; r < expected.rows(); ++r) {
    for (Eigen::Index c = 0; c < expected.cols(); ++c) {
      if (expected(r, c) != actual(r, c)) {
        return ::testing::AssertionFailure() << "district row " << r << ", column " << c << ": "
                                             << actual(r, c) << ", expected " << expected(r, c);
      }
    }
  }
  return ::testing::AssertionSuccess();
}

class ResultsReaderTest : public testing::TempDirTest {
 protected:
  std::filesystem::path write_baseline() {
    const auto file = dir_ / "results.h5";
    write_results(file, {{&projection_, make_provenance()}});
    return file;
  }

  engine::Projection projection_ = make_projection();
};

TEST_F(ResultsReaderTest, ProjectionRoundTripsExactly) {
  const auto file = write_baseline();
  const auto read = read_projection(file, "baseline");

  EXPECT_EQ(read.dims.base_year, 2025);
  EXPECT_EQ(read.dims.end_year, 2027);
  ASSERT_EQ(read.dims.district_count(), 3);
  for (std::size_t d = 0; d < 3; ++d) {
    const auto& expected = projection_.dims.districts[d];
    const auto& actual = read.dims.districts[d];
    EXPECT_EQ(actual.id, expected.id);
    EXPECT_EQ(actual.name_ja, expected.name_ja);
    EXPECT_EQ(actual.name_en, expected.name_en);
    EXPECT_EQ(actual.region_ja, expected.region_ja);
    EXPECT_EQ(actual.region_en, expected.region_en);
  }
  EXPECT_EQ(read.dims.districts[1].name_ja, "三軒茶屋");

  ASSERT_EQ(read.population.size(), 3u);
  for (std::size_t y = 0; y < 3; ++y) {
    EXPECT_TRUE(same_cells(projection_.population[y], read.population[y])) << "year " << y;
  }
  ASSERT_EQ(read.flows.size(), 2u);
  for (std::size_t y = 0; y < 2; ++y) {
    SCOPED_TRACE("flow year " + std::to_string(y));
    const auto& expected = projection_.flows[y];
    const auto& actual = read.flows[y];
    EXPECT_TRUE(same_cells(expected.births, actual.births)) << "births";
    EXPECT_TRUE(same_cells(expected.deaths, actual.deaths)) << "deaths";
    EXPECT_TRUE(same_cells(expected.in_migration, actual.in_migration)) << "in_migration";
    EXPECT_TRUE(same_cells(expected.out_migration, actual.out_migration)) << "out_migration";
    EXPECT_TRUE(same_cells(expected.moves_in, actual.moves_in)) << "moves_in";
    EXPECT_TRUE(same_cells(expected.moves_out, actual.moves_out)) << "moves_out";
  }
  EXPECT_EQ(read.total(2), projection_.total(2));
}

TEST_F(ResultsReaderTest, SingleSnapshotWithoutFlowsRoundTrips) {
  const auto projection = make_projection(make_dims(2025, 2025));
  const auto file = dir_ / "results.h5";
  write_results(file, {{&projection, make_provenance()}});
  const auto read = read_projection(file, "baseline");
  EXPECT_EQ(read.dims.years(), 1);
  ASSERT_EQ(read.population.size(), 1u);
  EXPECT_TRUE(same_cells(projection.population[0], read.population[0]));
  EXPECT_TRUE(read.flows.empty());
}

TEST_F(ResultsReaderTest, ProvenanceRoundTrips) {
  const auto file = write_baseline();
  const auto expected = make_provenance();
  const auto read = read_provenance(file, "baseline");
  EXPECT_EQ(read.wardsim_version, expected.wardsim_version);
  EXPECT_EQ(read.scenario_name, "baseline");
  EXPECT_EQ(read.scenario_title, "基準シナリオ (baseline)");
  EXPECT_EQ(read.scenario_file, expected.scenario_file);
  EXPECT_EQ(read.scenario_text, expected.scenario_text);
  EXPECT_EQ(read.overrides, expected.overrides);
  ASSERT_EQ(read.inputs.size(), 2u);
  EXPECT_EQ(read.inputs[0].path, "tables/districts.csv");
  EXPECT_EQ(read.inputs[0].sha256, std::string(64, 'a'));
  EXPECT_EQ(read.inputs[1].path, "tables/base_population_2025.csv");
  EXPECT_EQ(read.inputs[1].sha256, std::string(64, 'b'));
  EXPECT_THAT(read.estimates,
              ElementsAre("in-migration profile estimated from 2020 census", "転入者数は推計値"));
  EXPECT_EQ(read.mode, "cohort");
  EXPECT_EQ(read.threads, 4);
  EXPECT_EQ(read.seed, 18446744073709551557ULL);
  EXPECT_EQ(read.created, "2025-06-01T12:34:56Z");
}

TEST_F(ResultsReaderTest, EmptyProvenanceListsRoundTrip) {
  auto provenance = make_provenance();
  provenance.overrides.clear();
  provenance.inputs.clear();
  provenance.estimates.clear();
  provenance.scenario_title.clear();
  const auto file = dir_ / "results.h5";
  write_results(file, {{&projection_, provenance}});
  const auto read = read_provenance(file, "baseline");
  EXPECT_TRUE(read.overrides.empty());
  EXPECT_TRUE(read.inputs.empty());
  EXPECT_TRUE(read.estimates.empty());
  EXPECT_EQ(read.scenario_title, "");
}

TEST_F(ResultsReaderTest, ListsScenariosInTheOrderWritten) {
  const auto high = make_projection(make_dims(), 1);
  const auto file = dir_ / "results.h5";
  write_results(file, {{&projection_, make_provenance("zeta")}, {&high, make_provenance("alpha")}});
  EXPECT_THAT(list_scenarios(file), ElementsAre("zeta", "alpha"));
  EXPECT_EQ(read_projection(file, "alpha").population[0](0, 0),
            projection_.population[0](0, 0) + 1);
  EXPECT_EQ(read_provenance(file, "alpha").scenario_name, "alpha");
}

TEST_F(ResultsReaderTest, UnknownScenarioThrowsInputError) {
  const auto file = write_baseline();
  WARDSIM_EXPECT_THROW_MSG(
      read_projection(file, "high"), InputError,
      "results file '" + file.string() + "': no scenario 'high' (it has: baseline)");
}

TEST_F(ResultsReaderTest, MissingFileThrowsIoError) {
  const auto file = dir_ / "nothing.h5";
  WARDSIM_EXPECT_THROW_MSG(list_scenarios(file), IoError,
                           "cannot open results file '" + file.string() + "': no such file");
  std::ostringstream out;
  EXPECT_THROW(describe_results(file, out), IoError);
}

TEST_F(ResultsReaderTest, NonHdf5FileThrowsInputError) {
  const auto file = dir_ / "table.csv";
  std::ofstream(file) << "district,population\nSE01,12345\n";
  WARDSIM_EXPECT_THROW_MSG(
      read_projection(file, "baseline"), InputError,
      "'" + file.string() + "' is not a wardsim results file (not an HDF5 file)");
}

TEST_F(ResultsReaderTest, Hdf5FileWithoutFormatAttributeThrowsInputError) {
  const auto file = dir_ / "other.h5";
  {
    H5::H5File h5(file.string(), H5F_ACC_TRUNC);
    h5.createGroup("/scenarios");
  }
  WARDSIM_EXPECT_THROW_MSG(list_scenarios(file), InputError,
                           "'" + file.string() +
                               "' is not a wardsim results file (no 'format' attribute "
                               "\"wardsim-results\" at its root)");
}

TEST_F(ResultsReaderTest, Hdf5FileWithAnotherFormatThrowsInputError) {
  const auto file = dir_ / "other.h5";
  {
    H5::H5File h5(file.string(), H5F_ACC_TRUNC);
    const H5::StrType type(H5::PredType::C_S1, 8);  // fixed-length, as other tools write
    h5.createAttribute("format", type, H5::DataSpace(H5S_SCALAR))
        .write(type, std::string("netcdf4\0", 8));
  }
  WARDSIM_EXPECT_THROW_MSG(list_scenarios(file), InputError,
                           "'" + file.string() +
                               "' is not a wardsim results file (its 'format' attribute is "
                               "\"netcdf4\", not \"wardsim-results\")");
}

TEST_F(ResultsReaderTest, DescribeResultsSummarisesTheFile) {
  const auto high = make_projection(make_dims(), 1);
  const auto file = dir_ / "results.h5";
  write_results(file,
                {{&projection_, make_provenance("baseline")}, {&high, make_provenance("high")}});
  std::ostringstream out;
  describe_results(file, out);
  const auto text = out.str();

  EXPECT_THAT(text, HasSubstr("format wardsim-results version 1, wardsim 0.1.0"));
  EXPECT_THAT(text, HasSubstr("year      3 snapshots, 2025..2027 (1 January); flows 2 years, "
                              "2025..2026"));
  EXPECT_THAT(text, HasSubstr("district  3: SE01 池尻, SE02 三軒茶屋, KT01 成城"));
  EXPECT_THAT(text, HasSubstr("sex       2: male, female"));
  EXPECT_THAT(text, HasSubstr("age       101: 0..100 (100 = 100 and over)"));
  EXPECT_THAT(text, HasSubstr("scenarios: 2"));
  EXPECT_THAT(text, HasSubstr("scenario baseline — 基準シナリオ (baseline)"));
  EXPECT_THAT(text, HasSubstr("scenario high"));
  EXPECT_THAT(text, HasSubstr("mode cohort, threads 4, seed 18446744073709551557, created "
                              "2025-06-01T12:34:56Z"));
  EXPECT_THAT(text,
              HasSubstr("  datasets:\n"
                        "    population           float64 [3, 3, 2, 101] (year,district,sex,age) "
                        "persons\n"
                        "    flows/births         float64 [2, 3, 2] (flow_year,district,sex) "
                        "persons\n"
                        "    flows/deaths         float64 [2, 3, 2, 101] "
                        "(flow_year,district,sex,age) persons\n"));
  EXPECT_THAT(text, HasSubstr("aaaaaaaaaaaa  tables/districts.csv"));
  EXPECT_THAT(text, HasSubstr("- 転入者数は推計値"));

  // Ward totals at the first and last year: sum of cell_value over 3 districts × 2 sexes × 101
  // ages = 696,975.75 in 2025, plus 2 × 100,000 × 606 cells in 2027.
  EXPECT_THAT(text, HasSubstr("ward total: 2025 696,975.8 → 2027 121,896,975.8"));
}

}  // namespace
}  // namespace wardsim::io
