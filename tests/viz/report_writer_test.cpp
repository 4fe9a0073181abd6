#include "wardsim/viz/report_writer.h"

#include <fstream>
#include <set>
#include <sstream>

#include "viz/viz_test_support.h"
#include "wardsim/error.h"

namespace wardsim::viz {
namespace {

using ::testing::HasSubstr;
using ::testing::IsSupersetOf;
using ::testing::Not;
namespace fs = std::filesystem;

const RendererCommand kRenderer{"/usr/bin/python3", WARDSIM_SOURCE_DIR "/viz/render_report.py"};

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class ReportWriterTest : public testing::TempDirTest {
 protected:
  ReportRequest request() const {
    ReportRequest r;
    r.results = dir_ / "results.h5";
    r.districts = {"SE02"};
    r.indicators = {"population_change"};
    r.boundaries = testing::kBoundaries;
    r.boundaries_required = true;
    return r;
  }
};

// One test renders (matplotlib is the slow part) and checks both the files and the HTML.
TEST_F(ReportWriterTest, WritesEveryChartAsPngAndSvgAndASelfContainedHtml) {
  testing::write_report_results(dir_ / "results.h5");
  const auto written = write_report(request(), dir_ / "report", kRenderer);
  std::set<std::string> files;
  for (const auto& file : written.files) files.insert(file.string());
  // Fan chart only for "high", the scenario with ensemble quantiles.
  const std::vector<std::string> charts = {"ward_total",
                                           "fan_high",
                                           "pyramid_baseline_ward",
                                           "pyramids_baseline_districts",
                                           "service_baseline_childcare",
                                           "service_baseline_school",
                                           "map_baseline_population_change",
                                           "pyramid_high_ward",
                                           "pyramids_high_districts",
                                           "service_high_childcare",
                                           "service_high_school",
                                           "map_high_population_change"};
  std::vector<std::string> expected = {"report.html", "report_data.json"};
  for (const auto& chart : charts) {
    expected.push_back("charts/" + chart + ".png");
    expected.push_back("charts/" + chart + ".svg");
  }
  EXPECT_EQ(files, std::set<std::string>(expected.begin(), expected.end()));
  EXPECT_EQ(written.directory, dir_ / "report");
  for (const auto& chart : charts) {
    EXPECT_EQ(read_text(dir_ / "report" / "charts" / (chart + ".png")).substr(0, 8),
              "\x89PNG\r\n\x1a\n")
        << chart;
    EXPECT_THAT(read_text(dir_ / "report" / "charts" / (chart + ".svg")), HasSubstr("<svg"))
        << chart;
  }
  EXPECT_FALSE(fs::exists(dir_ / ("report.tmp-" + std::to_string(getpid()))));

  const auto html = read_text(dir_ / "report" / "report.html");
  EXPECT_THAT(html, Not(HasSubstr("http://")));
  EXPECT_THAT(html, Not(HasSubstr("https://")));
  EXPECT_THAT(html, Not(HasSubstr("src='charts/")));  // images are embedded, not linked
  EXPECT_THAT(html, HasSubstr("src='data:image/png;base64,"));
  EXPECT_THAT(html, HasSubstr(std::string(64, 'a')));  // an input's SHA-256
  EXPECT_THAT(html, HasSubstr("転入者数は推計値"));    // an estimate, in UTF-8
  EXPECT_THAT(html, HasSubstr("illustrative"));
  EXPECT_THAT(html, HasSubstr("Peaks: baseline: 2026"));
}

TEST_F(ReportWriterTest, AFailingRendererLeavesNothingBehindAndKeepsTheOldReport) {
  testing::write_report_results(dir_ / "results.h5");
  fs::create_directories(dir_ / "report");
  std::ofstream(dir_ / "report" / "report.html") << "the old report";
  const RendererCommand failing{"/usr/bin/python3", WARDSIM_TEST_DATA_DIR "/fixtures/fail.py"};
  EXPECT_THAT(
      [&] { write_report(request(), dir_ / "report", failing); },
      ::testing::ThrowsMessage<IoError>(HasSubstr("exited with status 3:\n  no charts today")));
  EXPECT_THROW(write_report(request(), dir_ / "fresh", failing), IoError);
  EXPECT_THAT(entries(dir_), ::testing::ElementsAre("report", "results.h5"));
  EXPECT_THAT(entries(dir_ / "report"), ::testing::ElementsAre("report.html"));
  EXPECT_EQ(read_text(dir_ / "report" / "report.html"), "the old report");
}

}  // namespace
}  // namespace wardsim::viz
