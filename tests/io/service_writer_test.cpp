// The on-disk layout of the service results (services/<service>/…), checked with the raw HDF5
// API, and the InputError for service results that do not match their projection.

#include "service_writer.h"

#include <H5Cpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/io_test_support.h"
#include "io/raw_h5.h"
#include "wardsim/error.h"
#include "wardsim/io/results_writer.h"

namespace wardsim::io {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::make_dims;
using testing::make_projection;
using testing::make_provenance;
using testing::make_services;
using testing::service_value;
using testing::shape_of;
using testing::string_attribute;

const std::string kChildcare = "/scenarios/baseline/services/childcare";

std::vector<std::string> strings_attribute(const H5::H5Object& object, const std::string& name) {
  const auto attribute = object.openAttribute(name);
  const auto type = attribute.getStrType();
  const auto space = attribute.getSpace();
  std::vector<char*> buffer(static_cast<std::size_t>(space.getSimpleExtentNpoints()));
  if (buffer.empty()) return {};
  attribute.read(type, buffer.data());
  std::vector<std::string> values(buffer.begin(), buffer.end());
  H5::DataSet::vlenReclaim(buffer.data(), type, space);
  return values;
}

int int_attribute(const H5::H5Object& object, const std::string& name) {
  int value = 0;
  object.openAttribute(name).read(H5::PredType::NATIVE_INT, &value);
  return value;
}

std::vector<int> ints(const H5::H5File& file, const std::string& path) {
  const auto dataset = file.openDataSet(path);
  EXPECT_EQ(dataset.getTypeClass(), H5T_INTEGER) << path;
  std::vector<int> values(static_cast<std::size_t>(dataset.getSpace().getSimpleExtentNpoints()));
  dataset.read(values.data(), H5::PredType::NATIVE_INT);
  return values;
}

std::vector<double> doubles(const H5::H5File& file, const std::string& path) {
  const auto dataset = file.openDataSet(path);
  EXPECT_EQ(dataset.getTypeClass(), H5T_FLOAT) << path;
  std::vector<double> values(static_cast<std::size_t>(dataset.getSpace().getSimpleExtentNpoints()));
  dataset.read(values.data(), H5::PredType::NATIVE_DOUBLE);
  return values;
}

std::vector<std::string> children(const H5::Group& group) {
  std::vector<std::string> names;
  for (hsize_t i = 0; i < group.getNumObjs(); ++i) names.push_back(group.getObjnameByIdx(i));
  return names;
}

class ServiceWriterTest : public testing::TempDirTest {
 protected:
  std::filesystem::path write(const std::vector<models::ServiceResult>& services) {
    const auto file = dir_ / "results.h5";
    write_results(file, {{&projection_, make_provenance(), &services}});
    return file;
  }

  engine::Projection projection_ = make_projection();
};

TEST_F(ServiceWriterTest, WritesServiceGroupsWithAttributes) {
  const auto services = make_services();
  H5::H5File h5(write(services).string(), H5F_ACC_RDONLY);
  const auto root = h5.openGroup("/scenarios/baseline/services");
  EXPECT_THAT(children(root), ::testing::UnorderedElementsAre("childcare", "school"));

  const auto group = h5.openGroup(kChildcare);
  EXPECT_EQ(string_attribute(group, "title"), "Childcare (hoiku, 保育)");
  EXPECT_EQ(string_attribute(group, "description"), "Children using a place = children × uptake.");
  EXPECT_EQ(string_attribute(group, "headline_demand"), "demand");
  EXPECT_EQ(string_attribute(group, "headline_capacity"), "capacity");
  EXPECT_THAT(strings_attribute(group, "assumptions"),
              ElementsAre("uptake from enrolment 2023 (source)", "places split: assumption"));
  EXPECT_THAT(strings_attribute(h5.openGroup("/scenarios/baseline/services/school"), "assumptions"),
              ::testing::IsEmpty());
}

TEST_F(ServiceWriterTest, IndicatorsAreYearDistrictCategoryWithUnitsAndLabels) {
  const auto services = make_services();
  H5::H5File h5(write(services).string(), H5F_ACC_RDONLY);

  const auto demand = h5.openDataSet(kChildcare + "/demand");
  EXPECT_THAT(shape_of(demand), ElementsAre(3, 3, 3));
  EXPECT_EQ(string_attribute(demand, "dims"), "year,district,age_group");
  EXPECT_EQ(string_attribute(demand, "units"), "children");
  EXPECT_EQ(string_attribute(demand, "description"), "demand in children");
  EXPECT_THAT(strings_attribute(demand, "category_labels"),
              ElementsAre("age_0", "age_1_2", "age_3_5"));
  const auto values = doubles(h5, kChildcare + "/demand");
  for (int y = 0; y < 3; ++y) {
    for (int d = 0; d < 3; ++d) {
      for (int c = 0; c < 3; ++c) {
        EXPECT_EQ(values[static_cast<std::size_t>((y * 3 + d) * 3 + c)], service_value(1, y, d, c))
            << "year " << y << ", district " << d << ", category " << c;
      }
    }
  }

  const auto utilisation = h5.openDataSet(kChildcare + "/utilisation");
  EXPECT_THAT(shape_of(utilisation), ElementsAre(3, 3));
  EXPECT_EQ(string_attribute(utilisation, "dims"), "year,district");
  EXPECT_FALSE(utilisation.attrExists("category_labels"));
  EXPECT_EQ(doubles(h5, kChildcare + "/utilisation")[4], service_value(4, 1, 1, 0));
}

TEST_F(ServiceWriterTest, WritesMarkersPerDistrict) {
  const auto services = make_services();
  H5::H5File h5(write(services).string(), H5F_ACC_RDONLY);
  const std::string markers = kChildcare + "/markers/";
  EXPECT_THAT(ints(h5, markers + "first_shortfall_year"), ElementsAre(2025, 0, 2027));
  EXPECT_THAT(ints(h5, markers + "peak_demand_year"), ElementsAre(2025, 2025, 2025));
  EXPECT_THAT(doubles(h5, markers + "peak_demand"), ElementsAre(100.5, 101.5, 102.5));
  EXPECT_THAT(ints(h5, markers + "post_peak_surplus_years"), ElementsAre(0, 0, 2));
  EXPECT_THAT(ints(h5, markers + "post_peak_surplus_first_year"), ElementsAre(0, 0, 2026));
  EXPECT_THAT(doubles(h5, markers + "largest_post_peak_surplus"), ElementsAre(0.0, 0.0, 7.75));
  const auto flag = h5.openDataSet(markers + "post_peak_surplus_flag");
  EXPECT_THAT(shape_of(flag), ElementsAre(3, 3));
  EXPECT_THAT(ints(h5, markers + "post_peak_surplus_flag"), ElementsAre(0, 0, 0, 0, 0, 1, 0, 0, 1));
  const auto peak = h5.openDataSet(markers + "peak_demand");
  EXPECT_EQ(string_attribute(peak, "dims"), "district");
  EXPECT_EQ(string_attribute(peak, "units"), "children");
  EXPECT_EQ(string_attribute(h5.openDataSet(markers + "largest_post_peak_surplus"), "units"),
            "places");
}

TEST_F(ServiceWriterTest, WritesTheDecompositionWithItsYears) {
  const auto services = make_services();
  H5::H5File h5(write(services).string(), H5F_ACC_RDONLY);
  const auto group = h5.openGroup(kChildcare + "/decomposition");
  EXPECT_EQ(int_attribute(group, "from_year"), 2025);
  EXPECT_EQ(int_attribute(group, "to_year"), 2027);
  EXPECT_THAT(children(group), ::testing::UnorderedElementsAre("total_change", "population_size",
                                                               "age_structure", "rates"));
  const std::string path = kChildcare + "/decomposition/";
  EXPECT_THAT(doubles(h5, path + "population_size"), ElementsAre(1.5, 2.5, 3.5));
  EXPECT_THAT(doubles(h5, path + "age_structure"), ElementsAre(-0.25, 0.25, 0.75));
  EXPECT_THAT(doubles(h5, path + "rates"), ElementsAre(0.125, 0.125, 0.125));
  EXPECT_THAT(doubles(h5, path + "total_change"), ElementsAre(1.375, 2.875, 4.375));
  const auto rates = h5.openDataSet(path + "rates");
  EXPECT_EQ(int_attribute(rates, "from_year"), 2025);
  EXPECT_EQ(int_attribute(rates, "to_year"), 2027);
  EXPECT_EQ(string_attribute(rates, "units"), "children");
  // A service without a decomposition has no group for it.
  EXPECT_FALSE(h5.nameExists("/scenarios/baseline/services/school/decomposition"));
}

TEST_F(ServiceWriterTest, NoServicesNoGroup) {
  const auto file = dir_ / "results.h5";
  write_results(file, {{&projection_, make_provenance()}});
  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  EXPECT_FALSE(h5.nameExists("/scenarios/baseline/services"));
}

TEST_F(ServiceWriterTest, LargeIndicatorsAreChunkedAndCompressed) {
  // 2025..2125 × 3 districts × 3 groups × 8 bytes = 7 KiB; 30 labels make it 72 KiB.
  const auto dims = make_dims(2025, 2125);
  const auto projection = make_projection(dims);
  std::vector<std::string> labels;
  for (int i = 0; i < 30; ++i) labels.push_back("c" + std::to_string(i));
  auto services = make_services(dims);
  services[0].indicators.push_back(testing::make_indicator(7, "big", "persons", labels, dims));
  const auto file = dir_ / "results.h5";
  write_results(file, {{&projection, make_provenance(), &services}});
  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  EXPECT_EQ(h5.openDataSet(kChildcare + "/big").getCreatePlist().getLayout(), H5D_CHUNKED);
  EXPECT_EQ(h5.openDataSet(kChildcare + "/demand").getCreatePlist().getLayout(), H5D_CONTIGUOUS);
}

TEST_F(ServiceWriterTest, InconsistentShapesThrowInputErrorListingEveryProblem) {
  auto services = make_services();
  auto& childcare = services[0];
  childcare.indicators[0].values.conservativeResize(2, Eigen::NoChange);  // a year short
  childcare.indicators[1].category_labels.pop_back();                     // 9 columns for 2 groups
  childcare.markers.pop_back();
  childcare.decomposition.rates.resize(5);
  services[1].headline_capacity = "rooms";
  services.push_back(services[1]);  // duplicate name

  const auto file = dir_ / "results.h5";
  try {
    write_results(file, {{&projection_, make_provenance(), &services}});
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    const std::string prefix = "results file '" + file.string() + "': scenario 'baseline' ";
    EXPECT_THAT(
        error.problems(),
        ElementsAre(
            prefix + "service 'childcare' indicator 'demand' has values of 2 x 9, expected 3 x 9 "
                     "(years 2025..2027 x 3 districts x 3 age_group)",
            prefix + "service 'childcare' indicator 'capacity' has values of 3 x 9, expected 3 x "
                     "6 (years 2025..2027 x 3 districts x 2 age_group)",
            prefix + "service 'childcare' has markers for 2 districts, expected 3",
            prefix + "service 'childcare' decomposition rates has 5 values, expected 3 (one per "
                     "district)",
            prefix + "service 'school': headline indicator 'rooms' is not among its 2 indicators",
            prefix + "service 'school' appears more than once",
            prefix + "service 'school': headline indicator 'rooms' is not among its 2 indicators"));
  }
  EXPECT_TRUE(entries(dir_).empty()) << "nothing may be written";
}

TEST_F(ServiceWriterTest, ReservedAndDuplicateIndicatorNamesAreRefused) {
  auto services = make_services();
  services[1].indicators.push_back(services[1].indicators[0]);
  services[1].indicators.push_back(services[1].indicators[0]);
  services[1].indicators.back().name = "markers";
  services[1].markers[0].post_peak_surplus_years = {2030};
  std::vector<std::string> problems;
  check_services(services, make_dims(), "scenario 'x'", problems);
  EXPECT_THAT(problems,
              ElementsAre("scenario 'x' service 'school' has more than one indicator named "
                          "'classrooms_needed'",
                          "scenario 'x' service 'school' has an indicator named 'markers', a name "
                          "reserved for the markers group",
                          "scenario 'x' service 'school' markers of district 'SE01' list post-peak "
                          "surplus year 2030 outside the years 2025..2027"));
}

}  // namespace
}  // namespace wardsim::io
