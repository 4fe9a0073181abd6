#include "wardsim/io/csv_export.h"

#include <H5Cpp.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "io/export/export_fixture.h"
#include "wardsim/error.h"

namespace wardsim::io::testing {
namespace {

namespace fs = std::filesystem;

struct CsvFile {
  std::string first_bytes;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// The fixture's labels hold no commas or quotes, so a plain split reads the file.
std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream row(line);
  for (std::string field; std::getline(row, field, ',');) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

CsvFile read_csv(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  CsvFile csv;
  std::string line;
  std::getline(in, line);
  csv.first_bytes = line.substr(0, 3);
  if (line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
  csv.header = split(line);
  while (std::getline(in, line)) csv.rows.push_back(split(line));
  return csv;
}

// Sum of every element of a dataset, read with HDF5's own API (not io's readers).
double hdf5_sum(const fs::path& file, const std::string& path) {
  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  const auto dataset = h5.openDataSet(path);
  const auto count = static_cast<std::size_t>(dataset.getSpace().getSimpleExtentNpoints());
  std::vector<double> values(count);
  dataset.read(values.data(), H5::PredType::NATIVE_DOUBLE);
  double sum = 0.0;
  for (double v : values) sum += v;
  return sum;
}

class CsvExportTest : public TempDirTest {
 protected:
  void SetUp() override {
    TempDirTest::SetUp();
    results_ = dir_ / "tiny.h5";
    write_tiny_results(results_);
  }
  fs::path results_;
};

const std::vector<std::string> kAllIndicators = {"population",
                                                 "births",
                                                 "deaths",
                                                 "in_migration",
                                                 "out_migration",
                                                 "moves_in",
                                                 "moves_out",
                                                 "childcare.demand",
                                                 "childcare.capacity",
                                                 "childcare.gap",
                                                 "childcare.utilisation",
                                                 "school.classrooms_needed",
                                                 "school.classrooms"};

TEST_F(CsvExportTest, SumsPerIndicatorEqualTheHdf5Sums) {
  ExportSelection selection;
  selection.indicators = kAllIndicators;
  const auto rows = write_csv(read_export_data(results_, selection), dir_ / "out.csv");
  const auto csv = read_csv(dir_ / "out.csv");
  ASSERT_EQ(csv.header, split(kCsvHeader));
  ASSERT_EQ(csv.rows.size(), rows);

  std::map<std::pair<std::string, std::string>, double> sums;  // (scenario, indicator) → sum
  for (const auto& row : csv.rows) {
    ASSERT_EQ(row.size(), 13U);
    sums[std::make_pair(row[0], row[10])] += std::strtod(row[11].c_str(), nullptr);
  }
  for (const std::string scenario : {"baseline", "high"}) {
    const std::string group = "/scenarios/" + scenario;
    const std::map<std::string, std::string> paths = {
        {"population", group + "/population"},
        {"births", group + "/flows/births"},
        {"deaths", group + "/flows/deaths"},
        {"in_migration", group + "/flows/in_migration"},
        {"out_migration", group + "/flows/out_migration"},
        {"moves_in", group + "/flows/moves_in"},
        {"moves_out", group + "/flows/moves_out"},
        {"childcare.demand", group + "/services/childcare/demand"},
        {"childcare.capacity", group + "/services/childcare/capacity"},
        {"childcare.gap", group + "/services/childcare/gap"},
        {"childcare.utilisation", group + "/services/childcare/utilisation"},
        {"school.classrooms_needed", group + "/services/school/classrooms_needed"},
        {"school.classrooms", group + "/services/school/classrooms"}};
    for (const auto& [indicator, path] : paths) {
      const double expected = hdf5_sum(results_, path);
      const double csv_sum = sums[std::make_pair(scenario, indicator)];
      EXPECT_NEAR(csv_sum, expected, 1e-12 * std::abs(expected)) << scenario << " " << indicator;
    }
  }
  // 2 scenarios × 3 districts × (3 years × 202 population + 2 years × (2 births + 5 × 202 flows)
  // + 3 years × (3 × 3 childcare categories + 1 utilisation + 2 school)).
  EXPECT_EQ(rows, 2U * 3U * (3U * 202U + 2U * (2U + 5U * 202U) + 3U * (9U + 1U + 2U)));
}

TEST_F(CsvExportTest, RowsAreLabelledAndValuesRoundTripExactly) {
  ExportSelection selection;
  selection.scenarios = {"baseline"};
  selection.indicators = {"population", "births", "childcare.demand", "school.classrooms"};
  write_csv(read_export_data(results_, selection), dir_ / "out.csv");
  const auto csv = read_csv(dir_ / "out.csv");
  EXPECT_EQ(csv.first_bytes, "\xEF\xBB\xBF");
  // First row: population of 池尻, male, age 0, 2025 = 1/3, written so it reads back exactly.
  const std::vector<std::string> first = {"baseline", "2025", "SE01", "池尻", "Ikejiri",   "世田谷",
                                          "Setagaya", "male", "0",    "",     "population"};
  ASSERT_GE(csv.rows.size(), 1U);
  EXPECT_EQ(std::vector<std::string>(csv.rows[0].begin(), csv.rows[0].begin() + 11), first);
  EXPECT_EQ(std::strtod(csv.rows[0][11].c_str(), nullptr), 1.0 / 3.0);
  EXPECT_EQ(csv.rows[0][12], "persons");
  // The open age group is written "100+"; births have a sex but no age; services a category.
  bool open_age = false, birth = false, category = false, plain = false;
  for (const auto& row : csv.rows) {
    if (row[10] == "population" && row[8] == "100+") open_age = true;
    if (row[10] == "births") birth = birth || (row[7] == "female" && row[8].empty());
    if (row[10] == "childcare.demand" && row[1] == "2026" && row[2] == "KT01" &&
        row[9] == "age_1_2") {
      category = row[7].empty() && row[8].empty() && row[12] == "children" &&
                 std::strtod(row[11].c_str(), nullptr) == service_value(1, 1, 2, 1);
    }
    if (row[10] == "school.classrooms") plain = plain || (row[9].empty() && row[7].empty());
  }
  EXPECT_TRUE(open_age);
  EXPECT_TRUE(birth);
  EXPECT_TRUE(category);
  EXPECT_TRUE(plain);
}

TEST_F(CsvExportTest, AgeGroupsKeepEveryTotal) {
  ExportSelection selection;
  selection.scenarios = {"high"};
  selection.indicators = {"population", "deaths"};
  const auto data = read_export_data(results_, selection);
  std::map<std::string, std::vector<std::string>> ages;
  std::map<std::string, double> totals;
  for (const auto grouping : {AgeGrouping::kSingle, AgeGrouping::kFiveYear, AgeGrouping::kTotal}) {
    const std::string name = std::to_string(static_cast<int>(grouping));
    CsvOptions options;
    options.ages = grouping;
    options.byte_order_mark = false;
    write_csv(data, dir_ / (name + ".csv"), options);
    const auto csv = read_csv(dir_ / (name + ".csv"));
    EXPECT_EQ(csv.first_bytes, "sce");
    for (const auto& row : csv.rows) {
      totals[name] += std::strtod(row[11].c_str(), nullptr);
      if (row[2] == "SE01" && row[7] == "male" && row[1] == "2025" && row[10] == "population") {
        ages[name].push_back(row[8]);
      }
    }
  }
  EXPECT_EQ(ages["1"].size(), 21U);  // 0-4 … 95-99, 100+
  EXPECT_EQ(ages["1"].front(), "0-4");
  EXPECT_EQ(ages["1"][19], "95-99");
  EXPECT_EQ(ages["1"].back(), "100+");
  EXPECT_EQ(ages["2"], std::vector<std::string>{""});
  EXPECT_NEAR(totals["1"], totals["0"], 1e-12 * totals["0"]);
  EXPECT_NEAR(totals["2"], totals["0"], 1e-12 * totals["0"]);
}

TEST_F(CsvExportTest, UnknownScenariosAndIndicatorsAreListedTogether) {
  ExportSelection selection;
  selection.scenarios = {"baseline", "low"};
  selection.indicators = {"population", "childcare.queue", "pop"};
  const std::string file = "results file '" + results_.string() + "': ";
  const std::string has =
      " (it has: population, births, deaths, in_migration, out_migration, moves_in, moves_out, "
      "childcare.demand, childcare.capacity, childcare.gap, childcare.utilisation, "
      "school.classrooms_needed, school.classrooms)";
  EXPECT_THAT([&] { read_export_data(results_, selection); },
              ::testing::Throws<InputError>(::testing::Property(
                  &InputError::problems,
                  ::testing::ElementsAre(
                      file + "no scenario 'low' (it has: baseline, high)",
                      file + "no indicator 'childcare.queue' in scenario 'baseline'" + has,
                      file + "no indicator 'pop' in scenario 'baseline'" + has))));
}

TEST_F(CsvExportTest, DefaultsAreEveryServiceIndicatorOrTheHeadlines) {
  ExportSelection selection;
  selection.scenarios = {"baseline"};
  auto names = [&] {
    std::vector<std::string> out;
    const auto data = read_export_data(results_, selection);
    for (const auto& i : data.scenarios[0].indicators) {
      out.push_back(i.name);
    }
    return out;
  };
  EXPECT_THAT(names(),
              ::testing::ElementsAre("population", "childcare.demand", "childcare.capacity",
                                     "childcare.gap", "childcare.utilisation",
                                     "school.classrooms_needed", "school.classrooms"));
  selection.defaults = DefaultIndicators::kHeadlines;
  EXPECT_THAT(names(),
              ::testing::ElementsAre("population", "childcare.demand", "childcare.capacity",
                                     "school.classrooms_needed", "school.classrooms"));
}

TEST_F(CsvExportTest, ARatioIsNotAdditive) {
  ExportSelection selection;
  selection.scenarios = {"baseline"};
  selection.indicators = {"childcare.utilisation", "childcare.demand"};
  const auto data = read_export_data(results_, selection);
  EXPECT_FALSE(data.scenarios[0].indicators[0].additive);  // units "share"
  EXPECT_TRUE(data.scenarios[0].indicators[1].additive);   // units "children"
}

}  // namespace
}  // namespace wardsim::io::testing
