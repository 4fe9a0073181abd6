#include "wardsim/io/comparison.h"

#include <deque>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>

#include "io/io_test_support.h"
#include "io/raw_h5.h"
#include "wardsim/error.h"
#include "wardsim/io/results_reader.h"
#include "wardsim/io/results_writer.h"

namespace wardsim::io {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::make_dims;
using testing::make_projection;
using testing::make_provenance;
using testing::make_services;
using ::testing::Not;

std::string bytes_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<std::string> problems_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const InputError& error) {
    return error.problems();
  }
  ADD_FAILURE() << "expected an InputError";
  return {};
}

const IndicatorPair& indicator(const Comparison& comparison, const std::string& path) {
  for (const auto& pair : comparison.indicators) {
    if (pair.path == path) return pair;
  }
  throw std::runtime_error("no indicator " + path);
}

std::vector<std::string> paths_of(const Comparison& comparison) {
  std::vector<std::string> paths;
  for (const auto& pair : comparison.indicators) paths.push_back(pair.path);
  return paths;
}

class ComparisonTest : public testing::TempDirTest {
 protected:
  // A results file holding one scenario `name`: the hand-made projection with `offset` added to
  // every cell, and the hand-made services with `demand_offset` added to childcare demand (and
  // without schools if `schools` is false).
  fs::path write_run(const std::string& name, double offset, double demand_offset = 0.0,
                     bool schools = true, const engine::Dimensions& dims = make_dims()) {
    projections_.push_back(make_projection(dims, static_cast<int>(offset)));
    services_.push_back(make_services(dims));
    auto& services = services_.back();
    services[0].indicators[0].values += demand_offset;
    if (!schools) services.pop_back();
    const fs::path file = dir_ / (name + ".h5");
    write_results(file, {{&projections_.back(), make_provenance(name), &services}});
    return file;
  }

  std::deque<engine::Projection> projections_;
  std::deque<std::vector<models::ServiceResult>> services_;
};

TEST_F(ComparisonTest, ARunComparedWithItselfDiffersByZeroEverywhere) {
  const fs::path file = write_run("baseline", 0);
  const Comparison comparison = compare_runs({file, "baseline"}, {file, "baseline"});
  EXPECT_EQ(comparison.name(), "baseline__baseline");
  EXPECT_EQ(comparison.years, (std::vector<int>{2025, 2026, 2027}));
  ASSERT_EQ(comparison.indicators.size(), 6u + 3 * 3 + 1 + 2);  // population, childcare, school
  for (const auto& pair : comparison.indicators) {
    EXPECT_TRUE((pair.difference() == 0.0).all()) << pair.path;
    EXPECT_TRUE((pair.percent() == 0.0).all()) << pair.path;
    EXPECT_EQ(pair.a.rows(), 3) << pair.path;
    EXPECT_EQ(pair.a.cols(), 3) << pair.path;
  }
}

TEST_F(ComparisonTest, AHandMadePairGivesTheExpectedDifferences) {
  const fs::path a = write_run("baseline", 0);
  const fs::path b = write_run("variant", 1, 5.0, /*schools=*/false);
  const Comparison comparison = compare_runs({a, "baseline"}, {b, "variant"});
  EXPECT_EQ(comparison.name(), "baseline__variant");
  // Every population cell is 1 person higher: a band of n ages × 2 sexes differs by 2n.
  const std::pair<const char*, double> expected[] = {
      {"population/total", 202},      {"population/age_0_5", 12},
      {"population/age_6_14", 18},    {"population/age_15_64", 100},
      {"population/age_65_plus", 72}, {"population/age_75_plus", 52}};
  for (const auto& [path, difference] : expected) {
    EXPECT_TRUE((indicator(comparison, path).difference() == difference).all()) << path;
  }
  // The total of district d in year index y is Σ cell_value = 202 (y·1e5 + d·1e3 + 0.125)
  // + 101·200 (the female offset) + 2·(0 + … + 100).
  const IndicatorPair& total = indicator(comparison, "population/total");
  for (int y = 0; y < 3; ++y) {
    for (int d = 0; d < 3; ++d) {
      const double a_total = 202 * (y * 1.0e5 + d * 1.0e3 + 0.125) + 101 * 200.0 + 2 * 5050.0;
      EXPECT_DOUBLE_EQ(total.a(y, d), a_total);
      EXPECT_DOUBLE_EQ(total.percent()(y, d), 100.0 * 202 / a_total);
    }
  }
  // Childcare demand is 5 higher in every category; capacity is the same; schools are only in A.
  EXPECT_TRUE((indicator(comparison, "services/childcare/demand/age_1_2").difference() == 5).all());
  EXPECT_TRUE((indicator(comparison, "services/childcare/capacity/age_0").difference() == 0).all());
  EXPECT_THAT(paths_of(comparison), Not(::testing::Contains(HasSubstr("services/school"))));
  EXPECT_THAT(paths_of(comparison), ::testing::Contains("services/childcare/utilisation"));
}

TEST_F(ComparisonTest, RunsWithOtherYearsOrDistrictsAreRefused) {
  const fs::path a = write_run("baseline", 0);
  engine::Dimensions other = make_dims(2025, 2028);
  other.districts.pop_back();
  const fs::path b = write_run("variant", 0, 0, true, other);
  const std::string pair =
      "scenario 'baseline' of '" + a.string() + "' and scenario 'variant' of '" + b.string() + "'";
  EXPECT_THAT(problems_of([&] {
                compare_runs({a, "baseline"}, {b, "variant"});
              }),
              ElementsAre("cannot compare " + pair +
                              ": their years differ (2025..2027 and "
                              "2025..2028)",
                          "cannot compare " + pair +
                              ": their districts differ (3 districts "
                              "SE01,SE02,KT01 and 2 districts SE01,SE02)"));
}

TEST_F(ComparisonTest, ANewComparisonFileHoldsDimsAndEveryIndicator) {
  const fs::path a = write_run("baseline", 0);
  const fs::path b = write_run("variant", 1, 5.0);
  const Comparison comparison = compare_runs({a, "baseline"}, {b, "variant"});
  const fs::path out = dir_ / "nested" / "cmp.h5";
  write_comparison(out, comparison);
  EXPECT_THAT(entries(out.parent_path()), ElementsAre("cmp.h5"));

  H5::H5File h5(out.string(), H5F_ACC_RDONLY);
  EXPECT_EQ(testing::string_attribute(h5.openGroup("/"), "format"), "wardsim-comparison");
  std::vector<std::int32_t> years(3);
  h5.openDataSet("/dims/year").read(years.data(), H5::PredType::NATIVE_INT32);
  EXPECT_EQ(years, (std::vector<std::int32_t>{2025, 2026, 2027}));
  const H5::Group group = h5.openGroup("/comparisons/baseline__variant");
  EXPECT_EQ(testing::string_attribute(group, "a_scenario"), "baseline");
  EXPECT_EQ(testing::string_attribute(group, "b_file"), b.string());
  for (const auto& pair : comparison.indicators) {
    for (const char* part : {"a", "b", "difference", "percent"}) {
      const H5::DataSet dataset = group.openDataSet(pair.path + "/" + part);
      EXPECT_EQ(testing::shape_of(dataset), (std::vector<hsize_t>{3, 3})) << pair.path;
      EXPECT_EQ(testing::string_attribute(dataset, "dims"), "year,district");
    }
  }
  const H5::DataSet difference = group.openDataSet("population/age_75_plus/difference");
  EXPECT_EQ(testing::string_attribute(difference, "units"), "persons");
  std::vector<double> values(9);
  difference.read(values.data(), H5::PredType::NATIVE_DOUBLE);
  EXPECT_THAT(values, ::testing::Each(52.0));
  EXPECT_EQ(testing::string_attribute(group.openDataSet("population/total/percent"), "units"), "%");
}

TEST_F(ComparisonTest, AddingToAResultsFileKeepsItsScenariosAndNeverHalfWrites) {
  const fs::path a = write_run("baseline", 0);
  const fs::path b = write_run("variant", 1);
  const Comparison comparison = compare_runs({a, "baseline"}, {b, "variant"});
  write_comparison(a, comparison);
  EXPECT_THAT(list_scenarios(a), ElementsAre("baseline"));
  EXPECT_EQ(read_projection(a, "baseline").population[1](2, 7),
            make_projection().population[1](2, 7));
  {
    H5::H5File h5(a.string(), H5F_ACC_RDONLY);
    EXPECT_TRUE(h5.nameExists("/comparisons/baseline__variant/population/total/difference"));
  }

  // Refusals leave every file as it was and no temporary file behind.
  const std::string before = bytes_of(a);
  const std::string where = "cannot add the comparison to '" + a.string() + "': ";
  EXPECT_THAT(problems_of([&] { write_comparison(a, comparison); }),
              ElementsAre(where + "it already holds the comparison 'baseline__variant' (choose "
                                  "another --out)"));
  const fs::path other = write_run("other", 0, 0, true, make_dims(2025, 2028));
  const std::string other_before = bytes_of(other);
  EXPECT_THAT(problems_of([&] { write_comparison(other, comparison); }),
              ElementsAre("cannot add the comparison to '" + other.string() +
                          "': its years differ from the compared runs'"));
  const fs::path text = dir_ / "notes.h5";
  std::ofstream(text) << "not hdf5";
  EXPECT_THAT(
      problems_of([&] { write_comparison(text, comparison); }),
      ElementsAre("cannot add the comparison to '" + text.string() + "': it is not an HDF5 file"));
  EXPECT_EQ(bytes_of(a), before);
  EXPECT_EQ(bytes_of(other), other_before);
  EXPECT_THAT(entries(dir_), ElementsAre("baseline.h5", "notes.h5", "other.h5", "variant.h5"));
}

}  // namespace
}  // namespace wardsim::io
