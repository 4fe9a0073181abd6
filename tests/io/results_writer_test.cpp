// The on-disk layout written by write_results, checked with the raw HDF5 API (not the reader),
// and the atomic-write guarantees.

#include "wardsim/io/results_writer.h"

#include <H5Cpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "io/io_test_support.h"
#include "io/raw_h5.h"
#include "wardsim/error.h"

namespace wardsim::io {
namespace {

using testing::cell_value;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::make_dims;
using testing::make_projection;
using testing::make_provenance;
using testing::shape_of;
using testing::string_attribute;

std::vector<int> int_dataset(const H5::H5File& file, const std::string& path) {
  const auto dataset = file.openDataSet(path);
  std::vector<int> values(static_cast<std::size_t>(dataset.getSpace().getSimpleExtentNpoints()));
  dataset.read(values.data(), H5::PredType::NATIVE_INT);
  return values;
}

std::vector<std::string> string_dataset(const H5::H5File& file, const std::string& path) {
  const auto dataset = file.openDataSet(path);
  const auto type = dataset.getStrType();
  std::vector<char*> buffer(static_cast<std::size_t>(dataset.getSpace().getSimpleExtentNpoints()));
  dataset.read(buffer.data(), type);
  std::vector<std::string> values(buffer.begin(), buffer.end());
  H5::DataSet::vlenReclaim(buffer.data(), type, dataset.getSpace());
  return values;
}

class ResultsWriterTest : public testing::TempDirTest {};

TEST_F(ResultsWriterTest, WritesRootAttributesAndDims) {
  const auto projection = make_projection();
  const auto file = dir_ / "results.h5";
  write_results(file, {{&projection, make_provenance()}});

  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  const auto root = h5.openGroup("/");
  EXPECT_EQ(string_attribute(root, "format"), "wardsim-results");
  int version = 0;
  root.openAttribute("format_version").read(H5::PredType::NATIVE_INT, &version);
  EXPECT_EQ(version, 1);
  EXPECT_EQ(string_attribute(root, "wardsim_version"), "0.1.0");
  EXPECT_THAT(string_attribute(root, "created"),
              ::testing::MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z"));

  EXPECT_THAT(int_dataset(h5, "/dims/year"), ElementsAre(2025, 2026, 2027));
  EXPECT_THAT(int_dataset(h5, "/dims/flow_year"), ElementsAre(2025, 2026));
  EXPECT_THAT(string_dataset(h5, "/dims/district"), ElementsAre("SE01", "SE02", "KT01"));
  EXPECT_THAT(string_dataset(h5, "/dims/district_name"), ElementsAre("池尻", "三軒茶屋", "成城"));
  EXPECT_THAT(string_dataset(h5, "/dims/district_name_en"),
              ElementsAre("Ikejiri", "Sangenjaya", "Seijo"));
  EXPECT_THAT(string_dataset(h5, "/dims/region"), ElementsAre("世田谷", "世田谷", "砧"));
  EXPECT_THAT(string_dataset(h5, "/dims/region_en"), ElementsAre("Setagaya", "Setagaya", "Kinuta"));
  EXPECT_THAT(string_dataset(h5, "/dims/sex"), ElementsAre("male", "female"));
  const auto ages = int_dataset(h5, "/dims/age");
  ASSERT_EQ(ages.size(), 101u);
  EXPECT_EQ(ages.front(), 0);
  EXPECT_EQ(ages.back(), 100);
  EXPECT_EQ(string_attribute(h5.openDataSet("/dims/age"), "note"), "100 = 100 and over");
  EXPECT_EQ(h5.openDataSet("/dims/district_name").getStrType().getCset(), H5T_CSET_UTF8);
}

TEST_F(ResultsWriterTest, WritesScenarioDatasetsWithShapesAndAttributes) {
  const auto projection = make_projection();
  const auto file = dir_ / "results.h5";
  write_results(file, {{&projection, make_provenance()}});

  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  const auto population = h5.openDataSet("/scenarios/baseline/population");
  EXPECT_THAT(shape_of(population), ElementsAre(3, 3, 2, 101));
  EXPECT_EQ(population.getTypeClass(), H5T_FLOAT);
  EXPECT_EQ(population.getDataType().getSize(), 8u);
  EXPECT_EQ(string_attribute(population, "dims"), "year,district,sex,age");
  EXPECT_EQ(string_attribute(population, "units"), "persons");
  EXPECT_EQ(string_attribute(population, "date"), "1 January of each year");

  const auto births = h5.openDataSet("/scenarios/baseline/flows/births");
  EXPECT_THAT(shape_of(births), ElementsAre(2, 3, 2));
  EXPECT_EQ(string_attribute(births, "dims"), "flow_year,district,sex");
  EXPECT_EQ(string_attribute(births, "units"), "persons");

  for (const char* name : {"deaths", "in_migration", "out_migration", "moves_in", "moves_out"}) {
    SCOPED_TRACE(name);
    const auto flow = h5.openDataSet(std::string("/scenarios/baseline/flows/") + name);
    EXPECT_THAT(shape_of(flow), ElementsAre(2, 3, 2, 101));
    EXPECT_EQ(string_attribute(flow, "dims"), "flow_year,district,sex,age");
    EXPECT_EQ(string_attribute(flow, "units"), "persons");
    EXPECT_EQ(string_attribute(flow, "age_convention"),
              "age reached on 1 January after the flow year (cohort): 0 = born during the year");
  }

  const auto group = h5.openGroup("/scenarios/baseline");
  EXPECT_EQ(string_attribute(group, "scenario_name"), "baseline");
  EXPECT_EQ(string_attribute(group, "mode"), "cohort");
  std::uint64_t seed = 0;
  group.openAttribute("seed").read(H5::PredType::NATIVE_UINT64, &seed);
  EXPECT_EQ(seed, 18446744073709551557ULL);
  EXPECT_THAT(string_dataset(h5, "/scenarios/baseline/provenance/input_path"),
              ElementsAre("tables/districts.csv", "tables/base_population_2025.csv"));
  EXPECT_THAT(string_dataset(h5, "/scenarios/baseline/provenance/input_sha256"),
              ElementsAre(std::string(64, 'a'), std::string(64, 'b')));
}

TEST_F(ResultsWriterTest, CellsAreOrderedYearDistrictSexAge) {
  const auto projection = make_projection();
  const auto file = dir_ / "results.h5";
  write_results(file, {{&projection, make_provenance()}});

  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  std::vector<double> population(3 * 3 * 2 * 101);
  h5.openDataSet("/scenarios/baseline/population")
      .read(population.data(), H5::PredType::NATIVE_DOUBLE);
  std::vector<double> births(2 * 3 * 2);
  h5.openDataSet("/scenarios/baseline/flows/births")
      .read(births.data(), H5::PredType::NATIVE_DOUBLE);
  std::size_t i = 0;
  for (int y = 0; y < 3; ++y) {
    for (int d = 0; d < 3; ++d) {
      for (int s = 0; s < 2; ++s) {
        for (int a = 0; a < 101; ++a, ++i) {
          ASSERT_EQ(population[i], cell_value(0, y, d, s, a))
              << "year " << y << " district " << d << " sex " << s << " age " << a;
        }
      }
    }
  }
  i = 0;
  for (int y = 0; y < 2; ++y) {
    for (int d = 0; d < 3; ++d) {
      for (int s = 0; s < 2; ++s, ++i) ASSERT_EQ(births[i], cell_value(1, y, d, s, 0));
    }
  }
}

TEST_F(ResultsWriterTest, LargeDatasetsAreChunkedAndCompressed) {
  const auto projection = make_projection(make_dims(2025, 2035));
  const auto file = dir_ / "results.h5";
  write_results(file, {{&projection, make_provenance()}});

  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  const auto plist = h5.openDataSet("/scenarios/baseline/population").getCreatePlist();
  ASSERT_EQ(plist.getLayout(), H5D_CHUNKED);
  std::vector<hsize_t> chunk(4);
  plist.getChunk(4, chunk.data());
  EXPECT_THAT(chunk, ElementsAre(11, 3, 2, 101));  // 53 kB: one chunk holds every year
  std::vector<H5Z_filter_t> filters;
  for (int f = 0; f < plist.getNfilters(); ++f) {
    unsigned flags = 0;
    std::size_t count = 0;
    unsigned config = 0;
    filters.push_back(plist.getFilter(f, flags, count, nullptr, 0, nullptr, config));
  }
  EXPECT_THAT(filters, ElementsAre(H5Z_FILTER_SHUFFLE, H5Z_FILTER_DEFLATE));
  EXPECT_EQ(h5.openDataSet("/dims/age").getCreatePlist().getLayout(), H5D_CONTIGUOUS);
}

TEST_F(ResultsWriterTest, WritesTwoScenariosInOneFile) {
  const auto baseline = make_projection();
  const auto high = make_projection(make_dims(), 1);
  const auto file = dir_ / "results.h5";
  write_results(file, {{&baseline, make_provenance("baseline")}, {&high, make_provenance("high")}});

  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  const auto scenarios = h5.openGroup("/scenarios");
  ASSERT_EQ(scenarios.getNumObjs(), 2u);
  std::vector<double> values(3 * 3 * 2 * 101);
  h5.openDataSet("/scenarios/high/population").read(values.data(), H5::PredType::NATIVE_DOUBLE);
  const double first = values.front();
  EXPECT_EQ(first, cell_value(0, 0, 0, 0, 0) + 1);
}

TEST_F(ResultsWriterTest, ScenariosWithDifferentDimsThrowInputError) {
  const auto baseline = make_projection();
  const auto longer = make_projection(make_dims(2025, 2028));
  auto relabelled_dims = make_dims();
  relabelled_dims.districts[2].id = "KT02";
  const auto relabelled = make_projection(relabelled_dims);
  const auto file = dir_ / "results.h5";

  const std::string prefix = "results file '" + file.string() + "': ";
  WARDSIM_EXPECT_THROW_MSG(
      write_results(file, {{&baseline, make_provenance("a")}, {&longer, make_provenance("b")}}),
      InputError,
      prefix +
          "scenario 'b' has years 2025..2028 but scenario 'a' has 2025..2027: all scenarios "
          "in one results file must share years and districts");
  WARDSIM_EXPECT_THROW_MSG(
      write_results(file, {{&baseline, make_provenance("a")}, {&relabelled, make_provenance("b")}}),
      InputError,
      prefix +
          "scenario 'b' district 3 is 'KT02' (Seijo) but in scenario 'a' it is 'KT01' "
          "(Seijo): all scenarios in one results file must share years and districts");
  EXPECT_TRUE(entries(dir_).empty());
}

TEST_F(ResultsWriterTest, InconsistentProjectionThrowsInputError) {
  auto projection = make_projection();
  projection.flows.pop_back();
  const auto file = dir_ / "results.h5";
  WARDSIM_EXPECT_THROW_MSG(
      write_results(file, {{&projection, make_provenance()}}), InputError,
      "results file '" + file.string() + "': scenario 'baseline' has 1 years of flows, expected 2");
  WARDSIM_EXPECT_THROW_MSG(write_results(file, {}), InputError,
                           "results file '" + file.string() + "': no scenarios to write");
  EXPECT_TRUE(entries(dir_).empty());
}

TEST_F(ResultsWriterTest, DuplicateScenarioNamesThrowAndLeaveNoTarget) {
  const auto projection = make_projection();
  const auto file = dir_ / "results.h5";
  WARDSIM_EXPECT_THROW_MSG(
      write_results(file, {{&projection, make_provenance()}, {&projection, make_provenance()}}),
      InputError,
      "results file '" + file.string() +
          "': scenario 'baseline' appears more than once: each scenario needs its own name");
  EXPECT_TRUE(entries(dir_).empty());
}

TEST_F(ResultsWriterTest, UncreatableDirectoryThrowsIoErrorAndLeavesNothing) {
  std::ofstream(dir_ / "plain") << "a regular file, not a directory\n";
  const auto projection = make_projection();
  const auto file = dir_ / "plain" / "out" / "results.h5";
  EXPECT_THAT(
      [&] {
        write_results(file, {{&projection, make_provenance()}});
      },
      ::testing::ThrowsMessage<IoError>(
          HasSubstr("cannot create directory '" + (dir_ / "plain" / "out").string() + "'")));
  EXPECT_THAT(entries(dir_), ElementsAre("plain"));
}

TEST_F(ResultsWriterTest, FailedRenameRemovesTheTemporaryFile) {
  // The target is a non-empty directory: the file is written completely, the rename fails.
  const auto file = dir_ / "results.h5";
  std::filesystem::create_directories(file / "keep");
  const auto projection = make_projection();
  EXPECT_THAT(
      [&] {
        write_results(file, {{&projection, make_provenance()}});
      },
      ::testing::ThrowsMessage<IoError>(HasSubstr("to results file '" + file.string())));
  EXPECT_THAT(entries(dir_), ElementsAre("results.h5"));
  EXPECT_TRUE(std::filesystem::is_directory(file));
}

TEST_F(ResultsWriterTest, CreatesMissingParentDirectoriesAndReplacesOldFile) {
  const auto file = dir_ / "a" / "b" / "results.h5";
  const auto old_projection = make_projection();
  write_results(file, {{&old_projection, make_provenance("old")}});
  const auto projection = make_projection();
  write_results(file, {{&projection, make_provenance("new")}});

  EXPECT_THAT(entries(file.parent_path()), ElementsAre("results.h5"));
  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  EXPECT_TRUE(h5.nameExists("/scenarios/new"));
  EXPECT_FALSE(h5.nameExists("/scenarios/old"));
}

}  // namespace
}  // namespace wardsim::io
