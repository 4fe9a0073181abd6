// Reading service results back: exact round trips of hand-made services (indicators, labels,
// markers, decomposition), files without services, and how `wardsim info` lists them.

#include <H5Cpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "io/io_test_support.h"
#include "wardsim/error.h"
#include "wardsim/io/results_reader.h"
#include "wardsim/io/results_writer.h"

namespace wardsim::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::make_projection;
using testing::make_provenance;
using testing::make_services;

void expect_same(const models::Indicator& expected, const models::Indicator& actual) {
  SCOPED_TRACE("indicator " + expected.name);
  EXPECT_EQ(actual.name, expected.name);
  EXPECT_EQ(actual.units, expected.units);
  EXPECT_EQ(actual.description, expected.description);
  EXPECT_EQ(actual.category_dim, expected.category_dim);
  EXPECT_EQ(actual.category_labels, expected.category_labels);
  ASSERT_EQ(actual.values.rows(), expected.values.rows());
  ASSERT_EQ(actual.values.cols(), expected.values.cols());
  EXPECT_TRUE((actual.values == expected.values).all());
}

void expect_same(const models::DemandDecomposition& expected,
                 const models::DemandDecomposition& actual) {
  EXPECT_EQ(actual.from_year, expected.from_year);
  EXPECT_EQ(actual.to_year, expected.to_year);
  const auto same = [](const Eigen::ArrayXd& a, const Eigen::ArrayXd& b) {
    return a.size() == b.size() && (a == b).all();
  };
  EXPECT_TRUE(same(actual.total_change, expected.total_change));
  EXPECT_TRUE(same(actual.population_size, expected.population_size));
  EXPECT_TRUE(same(actual.age_structure, expected.age_structure));
  EXPECT_TRUE(same(actual.rates, expected.rates));
}

class ServiceReaderTest : public testing::TempDirTest {
 protected:
  std::filesystem::path write(const std::vector<models::ServiceResult>* services) {
    const auto file = dir_ / "results.h5";
    write_results(file, {{&projection_, make_provenance(), services}});
    return file;
  }

  engine::Projection projection_ = make_projection();
};

TEST_F(ServiceReaderTest, ServicesRoundTripExactly) {
  const auto services = make_services();
  const auto read = read_services(write(&services), "baseline");
  ASSERT_EQ(read.size(), services.size());
  for (std::size_t s = 0; s < services.size(); ++s) {
    SCOPED_TRACE("service " + services[s].name);
    const auto& expected = services[s];
    const auto& actual = read[s];
    EXPECT_EQ(actual.name, expected.name);
    EXPECT_EQ(actual.title, expected.title);
    EXPECT_EQ(actual.description, expected.description);
    EXPECT_EQ(actual.headline_demand, expected.headline_demand);
    EXPECT_EQ(actual.headline_capacity, expected.headline_capacity);
    EXPECT_EQ(actual.assumptions, expected.assumptions);
    ASSERT_EQ(actual.indicators.size(), expected.indicators.size());
    for (std::size_t i = 0; i < expected.indicators.size(); ++i) {
      expect_same(expected.indicators[i], actual.indicators[i]);
    }
    ASSERT_EQ(actual.markers.size(), expected.markers.size());
    for (std::size_t d = 0; d < expected.markers.size(); ++d) {
      SCOPED_TRACE("district " + std::to_string(d));
      EXPECT_EQ(actual.markers[d].first_shortfall_year, expected.markers[d].first_shortfall_year);
      EXPECT_EQ(actual.markers[d].peak_demand_year, expected.markers[d].peak_demand_year);
      EXPECT_EQ(actual.markers[d].peak_demand, expected.markers[d].peak_demand);
      EXPECT_EQ(actual.markers[d].post_peak_surplus_years,
                expected.markers[d].post_peak_surplus_years);
      EXPECT_EQ(actual.markers[d].largest_post_peak_surplus,
                expected.markers[d].largest_post_peak_surplus);
    }
    expect_same(expected.decomposition, actual.decomposition);
  }
  // The stored gap is demand − capacity cell by cell.
  EXPECT_TRUE(
      (read[0].indicators[2].values == read[0].indicators[0].values - read[0].indicators[1].values)
          .all());
}

TEST_F(ServiceReaderTest, NoServicesReadAsEmpty) {
  EXPECT_TRUE(read_services(write(nullptr), "baseline").empty());
  const std::vector<models::ServiceResult> none;
  EXPECT_TRUE(read_services(write(&none), "baseline").empty());
}

TEST_F(ServiceReaderTest, UnknownScenarioThrowsInputError) {
  const auto services = make_services();
  EXPECT_THROW(read_services(write(&services), "nope"), InputError);
}

TEST_F(ServiceReaderTest, ReshapedIndicatorThrowsInputError) {
  const auto services = make_services();
  const auto file = write(&services);
  {
    H5::H5File h5(file.string(), H5F_ACC_RDWR);
    h5.unlink("/scenarios/baseline/services/school/classrooms");
    const hsize_t shape[2] = {2, 3};
    auto dataset = h5.createDataSet("/scenarios/baseline/services/school/classrooms",
                                    H5::PredType::IEEE_F64LE, H5::DataSpace(2, shape));
    const H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
    dataset.createAttribute("dims", type, H5::DataSpace(H5S_SCALAR))
        .write(type, std::string("year,district"));
  }
  try {
    read_services(file, "baseline");
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_THAT(error.what(), HasSubstr("dataset '/scenarios/baseline/services/school/classrooms' "
                                        "has shape [2, 3], expected [3, 3]"));
  }
}

TEST_F(ServiceReaderTest, DescribeListsEachServicesIndicators) {
  const auto services = make_services();
  std::ostringstream out;
  describe_results(write(&services), out);
  const auto text = out.str();
  EXPECT_THAT(text, HasSubstr("  services: 2\n"));
  EXPECT_THAT(text, HasSubstr("    childcare — Childcare (hoiku, 保育) (headline: demand vs "
                              "capacity)\n"));
  EXPECT_THAT(text, HasSubstr("      demand       [3, 3, 3] (year,district,age_group) children\n"));
  EXPECT_THAT(text, HasSubstr("      utilisation  [3, 3] (year,district) share\n"));
  EXPECT_THAT(text, HasSubstr("      + markers, decomposition 2025→2027 (per district)\n"));
  EXPECT_THAT(text, HasSubstr("    school — Schools (headline: classrooms_needed vs classrooms)"));
  EXPECT_THAT(text, HasSubstr("      + markers (per district)\n"));
  // Service datasets are not repeated in the scenario's generic dataset list.
  EXPECT_THAT(text, ::testing::Not(HasSubstr("services/childcare/demand")));
}

}  // namespace
}  // namespace wardsim::io
