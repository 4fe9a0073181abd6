// `wardsim serve`'s JSON API against the real server on a loopback port, driven by
// httplib::Client as the browser would. One server serves the whole suite (loading the bundled
// Setagaya scenarios once); every answer is checked against the scenario loader and the cohort
// kernel called directly.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>
#include <vector>

#include "http_library.h"
#include "serve_server.h"
#include "wardsim/app/cli.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/io/batch_results.h"
#include "wardsim/io/csv_export.h"
#include "wardsim/io/results_reader.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::app::serve {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

const fs::path kBaseline = fs::path(WARDSIM_SOURCE_DIR) / "scenarios/setagaya/baseline.toml";

class ServeApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ServeOptions options;
    options.port = 0;
    options.scenario = kBaseline;
    options.assets = fs::temp_directory_path() / "wardsim-serve-test-no-assets";
    options.max_body_bytes = 64 * 1024;
    server_ = new ServeServer(options, notes_);
    port_ = server_->bind();
    thread_ = new std::thread([] { server_->run(); });
    while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete server_;
  }

  static httplib::Client client() {
    httplib::Client http("127.0.0.1", port_);
    http.set_read_timeout(std::chrono::seconds(30));
    return http;
  }

  static httplib::Result post(const std::string& path, const json& body) {
    return client().Post(path, body.dump(), "application/json");
  }

  // POST /api/project, expecting 200.
  static json project(const json& body) {
    const auto res = post("/api/project", body);
    EXPECT_TRUE(res);
    if (!res) return {};
    EXPECT_EQ(res->status, 200) << res->body;
    return json::parse(res->body);
  }

  static std::vector<double> ward_totals(const engine::Projection& projection) {
    std::vector<double> totals;
    for (int t = 0; t < projection.dims.years(); ++t) totals.push_back(projection.total(t));
    return totals;
  }

  // The reference: the loader on the baseline file with --set overrides, then the kernel.
  static engine::Projection reference(const std::vector<std::string>& overrides) {
    return engine::project_cohort(scenarios::load_scenario(kBaseline, overrides).inputs);
  }

  static inline std::ostringstream notes_;
  static inline ServeServer* server_ = nullptr;
  static inline std::thread* thread_ = nullptr;
  static inline int port_ = 0;
};

TEST_F(ServeApiTest, MetaDescribesTheBundledWard) {
  const auto res = client().Get("/api/meta");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const json meta = json::parse(res->body);
  EXPECT_EQ(meta["districts"].size(), 28U);
  EXPECT_EQ(meta["districts"][0]["id"], "SE01");
  EXPECT_FALSE(meta["districts"][0]["name_ja"].get<std::string>().empty());
  ASSERT_EQ(meta["years"].size(), 36U);
  EXPECT_EQ(meta["years"].front(), 2025);
  EXPECT_EQ(meta["years"].back(), 2060);
  EXPECT_EQ(meta["base_year"], 2025);
  EXPECT_EQ(meta["default_base"], "baseline");
  std::vector<std::string> bases;
  for (const auto& base : meta["base_scenarios"]) bases.push_back(base["id"]);
  EXPECT_THAT(bases, Contains("baseline"));
  EXPECT_THAT(bases, Contains("whatif_pandemic"));
  // A lever's default is the base scenario's value.
  const auto tfr = std::find_if(meta["levers"].begin(), meta["levers"].end(),
                                [](const json& lever) { return lever["key"] == "tfr"; });
  ASSERT_NE(tfr, meta["levers"].end());
  EXPECT_EQ((*tfr)["default"], 0.94);
  EXPECT_EQ((*tfr)["min"], 0.1);
  EXPECT_EQ((*tfr)["max"], 5);
  EXPECT_EQ(meta["services"].size(), 4U);
  const auto capacity = std::find_if(meta["levers"].begin(), meta["levers"].end(),
                                     [](const json& lever) { return lever["key"] == "capacity"; });
  ASSERT_NE(capacity, meta["levers"].end());
  EXPECT_EQ((*capacity)["kind"], "capacity");
}

TEST_F(ServeApiTest, ProjectWithoutLeversEqualsThePlainCohortProjection) {
  const json answer = project({{"levers", json::object()}});
  const std::vector<double> expected = ward_totals(reference({}));
  const auto totals = answer["ward"]["population"].get<std::vector<double>>();
  ASSERT_EQ(totals.size(), expected.size());
  for (std::size_t t = 0; t < totals.size(); ++t) EXPECT_EQ(totals[t], expected[t]) << t;
  const auto peak = std::max_element(totals.begin(), totals.end());
  EXPECT_EQ(answer["ward"]["peak"]["population"].get<double>(), *peak);
  EXPECT_EQ(answer["ward"]["peak"]["year"].get<int>(), 2025 + (peak - totals.begin()));
  // Without levers the difference from the base is zero everywhere.
  for (const auto& diff : answer["baseline_diff"]["ward_population"]) EXPECT_EQ(diff, 0.0);
  // The age groups partition the ward.
  for (std::size_t t = 0; t < totals.size(); ++t) {
    double sum = 0.0;
    for (const auto& [group, series] : answer["ward"]["age_groups"].items())
      sum += series[t].get<double>();
    EXPECT_NEAR(sum, totals[t], 1e-6 * totals[t]);
  }
  EXPECT_EQ(answer["districts"].size(), 28U);
  EXPECT_EQ(answer["district_indicators"]["population"].size(), 28U);
  EXPECT_EQ(answer["pyramid"]["male"].size(), 101U);
  EXPECT_GE(answer["timing_ms"]["total"].get<double>(),
            answer["timing_ms"]["project"].get<double>());
  EXPECT_THAT(answer["scenario_toml"].get<std::string>(),
              HasSubstr("extends = '" + kBaseline.string() + "'"));
}

// Browsers always offer Brotli; Debian's cpp-httplib would then compress every answer at its
// slowest setting (seconds for a whole-ward answer), so answers must go out uncompressed.
TEST_F(ServeApiTest, AnswersAreNotCompressedEvenWhenTheBrowserOffersBrotli) {
  const auto res = client().Post("/api/project", {{"Accept-Encoding", "br, gzip, deflate"}}, "{}",
                                 "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Encoding"), "");
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_TRUE(json::accept(res->body));
}

TEST_F(ServeApiTest, TfrLeverRaisesYoungChildrenAndTheDiffIsExact) {
  const json base = project(json::object());
  const json raised = project({{"levers", {{"tfr", 1.5}}}});
  const auto& young_base = base["ward"]["age_groups"]["0-5"];
  const auto& young_raised = raised["ward"]["age_groups"]["0-5"];
  EXPECT_EQ(young_raised[0], young_base[0]);  // the base year is given, not projected
  for (std::size_t t = 1; t < young_base.size(); ++t) {
    EXPECT_GT(young_raised[t].get<double>(), young_base[t].get<double>()) << t;
  }
  const auto& ward_raised = raised["ward"]["population"];
  const auto& ward_base = base["ward"]["population"];
  for (std::size_t t = 0; t < ward_base.size(); ++t) {
    EXPECT_EQ(raised["baseline_diff"]["ward_population"][t].get<double>(),
              ward_raised[t].get<double>() - ward_base[t].get<double>());
  }
  const auto& districts_raised = raised["district_indicators"]["population"];
  const auto& districts_base = base["district_indicators"]["population"];
  for (std::size_t d = 0; d < districts_base.size(); ++d) {
    EXPECT_EQ(raised["baseline_diff"]["district_population"][d].back().get<double>(),
              districts_raised[d].back().get<double>() - districts_base[d].back().get<double>());
  }
  // The lever is the loader's fertility.tfr: the same numbers as --set fertility.tfr=1.5.
  EXPECT_EQ(ward_raised.get<std::vector<double>>(), ward_totals(reference({"fertility.tfr=1.5"})));
}

TEST_F(ServeApiTest, BadLeversAnswer400WithTheLoadersMessagesThenTheServerStillAnswers) {
  const auto res = post("/api/project",
                        {{"levers", {{"tfr", 7}, {"tfrr", 1.0}, {"in_migration_age_shift", 20}}}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  const json error = json::parse(res->body);
  EXPECT_EQ(error["error"], "input");
  const auto problems = error["problems"].get<std::vector<std::string>>();
  EXPECT_THAT(problems,
              Contains("levers.toml: key 'fertility.tfr' must be a number between 0.1 and 5, "
                       "found 7"));
  EXPECT_THAT(problems, Contains("levers.toml: key 'migration.in_migration_age_shift' must be a "
                                 "number of years between -15 and 15, found 20"));
  EXPECT_THAT(problems, Contains(HasSubstr("unknown lever 'tfrr'")));
  EXPECT_EQ(problems.size(), 3U);
  // The server is still up and answers a good request.
  EXPECT_EQ(project({{"levers", {{"tfr", 1.2}}}})["scenario"]["name"], "whatif");
}

// The capacity lever adds places from a year on: where a district's residential care shortfall
// (one cell: elderly care places have no categories) is larger than the addition, the district's
// gap and the ward's shortfall both improve by exactly the addition.
TEST_F(ServeApiTest, CapacityLeverClosesTheShortfallByExactlyTheAddition) {
  const json base = project(json::object());
  const auto service_of = [](const json& answer, const std::string& key) {
    for (const auto& service : answer["services"]) {
      if (service["key"] == key) return service;
    }
    ADD_FAILURE() << "no service " << key;
    return json();
  };
  const json care = service_of(base, "elderly_care");
  // The district with the largest shortfall in the last year.
  const std::size_t last = base["years"].size() - 1;
  std::size_t district = 0;
  for (std::size_t d = 0; d < care["gap"].size(); ++d) {
    if (care["gap"][d][last].get<double>() < care["gap"][district][last].get<double>()) {
      district = d;
    }
  }
  const double add = 10;
  ASSERT_LT(care["gap"][district][last].get<double>(), -add) << "no shortfall larger than the add";
  const std::string id = base["districts"][district];
  const json answer = project(
      {{"levers",
        {{"capacity",
          json::array(
              {{{"service", "elderly_care"}, {"district", id}, {"from_year", 2028}, {"add", add}},
               {{"service", "childcare"},
                {"district", id},
                {"category", "age_1_2"},
                {"from_year", 2030},
                {"add", 60}}})}}}});
  const json added = service_of(answer, "elderly_care");
  int exact_years = 0;
  for (std::size_t t = 0; t < base["years"].size(); ++t) {
    const int year = base["years"][t];
    const double before = care["gap"][district][t];
    const double after = added["gap"][district][t];
    const double shortfall_before = care["ward_shortfall"][t];
    const double shortfall_after = added["ward_shortfall"][t];
    if (year < 2028) {
      EXPECT_EQ(after, before) << year;
      EXPECT_EQ(shortfall_after, shortfall_before) << year;
      continue;
    }
    EXPECT_NEAR(after, before + add, 1e-9) << year;
    if (before < -add) {
      EXPECT_NEAR(shortfall_after, shortfall_before - add, 1e-9 * shortfall_before) << year;
      ++exact_years;
    }
  }
  EXPECT_GT(exact_years, 0);
  // Childcare: 60 more places in the district's capacity from 2030, none before.
  const json childcare_before = service_of(base, "childcare");
  const json childcare_after = service_of(answer, "childcare");
  for (std::size_t t = 0; t < base["years"].size(); ++t) {
    const int year = base["years"][t];
    EXPECT_NEAR(childcare_after["capacity"][district][t].get<double>(),
                childcare_before["capacity"][district][t].get<double>() + (year >= 2030 ? 60 : 0),
                1e-9)
        << year;
  }
  // The saved scenario carries the rows inline.
  EXPECT_THAT(answer["scenario_toml"].get<std::string>(), HasSubstr("capacity_additions"));
}

TEST_F(ServeApiTest, BadCapacityRowsAreTheLoadersProblems) {
  const auto res = post("/api/project", {{"levers",
                                          {{"capacity", json::array({{{"service", "childcare"},
                                                                      {"district", "SE99"},
                                                                      {"category", "age_1_2"},
                                                                      {"from_year", 2028},
                                                                      {"add", -1}},
                                                                     {{"service", "kindergarten"},
                                                                      {"district", "SE02"},
                                                                      {"from_year", 2070},
                                                                      {"add", 1}}})}}}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  const auto problems = json::parse(res->body)["problems"].get<std::vector<std::string>>();
  EXPECT_THAT(problems, Contains("levers.toml: key 'services.capacity_additions[0].add' must be a "
                                 "number ≥ 0, found -1"));
  // Shape problems come first; once the add is right, the names and years are checked.
  const auto named = post("/api/project", {{"levers",
                                            {{"capacity", json::array({{{"service", "childcare"},
                                                                        {"district", "SE99"},
                                                                        {"category", "age_1_2"},
                                                                        {"from_year", 2028},
                                                                        {"add", 1}},
                                                                       {{"service", "kindergarten"},
                                                                        {"district", "SE02"},
                                                                        {"from_year", 2070},
                                                                        {"add", 1}}})}}}});
  ASSERT_TRUE(named);
  EXPECT_EQ(named->status, 400);
  const auto all = json::parse(named->body)["problems"].get<std::vector<std::string>>();
  EXPECT_THAT(all, Contains(HasSubstr("capacity_additions[0].district': unknown district 'SE99'")));
  EXPECT_THAT(all, Contains(HasSubstr("capacity_additions[1].service': unknown service "
                                      "'kindergarten'")));
  EXPECT_THAT(all, Contains(HasSubstr("capacity_additions[1].from_year' must be a year between "
                                      "2025 and 2060")));
  EXPECT_EQ(all.size(), 3U);
}

// A cohort Monte Carlo ensemble job of a what-if: it reaches done, its progress never goes back,
// and its results file holds the ensemble of the scenario (docs/results_format.md). Every draw
// starts from the same base population, so every quantile of the base year is the base year's
// population of the what-if's own projection.
TEST_F(ServeApiTest, AnEnsembleJobRunsToDoneAndItsFileHoldsTheEnsemble) {
  const json levers = {{"tfr", 1.3}};
  const auto submitted =
      post("/api/jobs", {{"kind", "ensemble"}, {"replicates", 6}, {"seed", 5}, {"levers", levers}});
  ASSERT_TRUE(submitted);
  ASSERT_EQ(submitted->status, 200) << submitted->body;
  const std::string id = json::parse(submitted->body)["id"];
  double progress = 0.0;
  std::string state;
  json status;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (state != "done" && state != "failed" && std::chrono::steady_clock::now() < deadline) {
    const auto res = client().Get("/api/jobs/" + id);
    ASSERT_TRUE(res);
    status = json::parse(res->body);
    EXPECT_GE(status["progress"].get<double>(), progress);
    progress = status["progress"];
    state = status["state"];
    if (state != "done") std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(state, "done") << status.dump();
  EXPECT_EQ(status["kind"], "ensemble");
  EXPECT_EQ(status["summary"]["draws"], 6);
  const auto results = client().Get("/api/jobs/" + id + "/results.h5");
  ASSERT_TRUE(results);
  ASSERT_EQ(results->status, 200);
  const fs::path file =
      fs::temp_directory_path() / ("wardsim_serve_ensemble_" + std::to_string(port_) + ".h5");
  {
    std::ofstream out(file, std::ios::binary);
    out << results->body;
  }
  EXPECT_EQ(io::list_scenarios(file), std::vector<std::string>{"whatif"});
  EXPECT_EQ(io::read_provenance(file, "whatif").mode, "cohort+monte_carlo");
  const io::EnsembleStatistics ensemble = io::read_ensemble(file, "whatif");
  fs::remove(file);
  EXPECT_EQ(ensemble.draws, 6);
  EXPECT_EQ(ensemble.seed, 5U);
  const auto population = std::find_if(
      ensemble.indicators.begin(), ensemble.indicators.end(),
      [](const io::EnsembleIndicator& indicator) { return indicator.name == "population"; });
  ASSERT_NE(population, ensemble.indicators.end());
  const json answer = project({{"levers", levers}});
  const std::size_t years = answer["years"].size();
  const std::size_t districts = answer["districts"].size();
  ASSERT_EQ(population->values.size(), ensemble.quantiles.size() * years * districts);
  for (std::size_t q = 0; q < ensemble.quantiles.size(); ++q) {
    for (std::size_t d = 0; d < districts; ++d) {
      EXPECT_NEAR(population->values[q * years * districts + d],
                  answer["district_indicators"]["population"][d][0].get<double>(), 1e-6)
          << q << " " << d;
    }
  }
}

TEST_F(ServeApiTest, MalformedRequestsAreRefusedAndTheServerSurvives) {
  const auto status = [](const httplib::Result& res) { return res ? res->status : -1; };
  auto http = client();
  EXPECT_EQ(status(http.Post("/api/project", "{not json", "application/json")), 400);
  EXPECT_EQ(status(http.Post("/api/project", "[1,2]", "application/json")), 400);
  EXPECT_EQ(status(post("/api/project", {{"levers", {{"tfr", "high"}}}})), 400);
  EXPECT_EQ(status(post("/api/project", {{"levers", {{"tfr", 1e308}}}})), 400);
  EXPECT_EQ(status(post("/api/project", {{"levers", {{"tfr", nullptr}}}})), 400);
  EXPECT_EQ(status(post("/api/project", {{"levers", {{"tfr", {{"2025", 1.0}, {"year", 1.2}}}}}})),
            400);
  EXPECT_EQ(
      status(post("/api/project", {{"levers", {{"shock", {{"years", {2026, 99999999999LL}}}}}}})),
      400);
  EXPECT_EQ(status(post("/api/project", {{"levers", 3}})), 400);
  EXPECT_EQ(status(post("/api/project", {{"base", 3}})), 400);
  EXPECT_EQ(status(post("/api/project", {{"base", "nope"}})), 400);
  EXPECT_EQ(status(post("/api/project", {{"view", {{"year", 1999}}}})), 400);
  EXPECT_EQ(status(post("/api/project", {{"view", {{"district", "XX"}}}})), 400);
  EXPECT_EQ(status(http.Post("/api/project", std::string(5000, '[') + std::string(5000, ']'),
                             "application/json")),
            400);
  EXPECT_EQ(status(http.Post("/api/project", std::string(100 * 1024, ' '), "application/json")),
            413);
  const auto missing = http.Get("/api/nothing");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(json::parse(missing->body)["error"], "not_found");
  // No front end in the assets directory: / says so, the API still works.
  EXPECT_EQ(status(http.Get("/")), 503);
  EXPECT_EQ(project({{"view", {{"year", 2040}, {"district", "SE02"}}}})["pyramid"]["year"], 2040);
}

TEST_F(ServeApiTest, ConcurrentRequestsEachGetTheirOwnAnswer) {
  const std::vector<double> tfrs = {0.5, 0.8, 1.1, 1.4, 1.7, 2.0};
  std::vector<std::vector<double>> answers(tfrs.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < tfrs.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int repeat = 0; repeat < 3; ++repeat) {
        const auto res = post("/api/project", {{"levers", {{"tfr", tfrs[i]}}}});
        if (!res || res->status != 200) return;
        const auto totals = json::parse(res->body)["ward"]["population"];
        if (repeat > 0 && totals.get<std::vector<double>>() != answers[i]) return;
        answers[i] = totals.get<std::vector<double>>();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t i = 0; i < tfrs.size(); ++i) {
    std::ostringstream tfr;
    tfr << "fertility.tfr=" << tfrs[i];
    EXPECT_EQ(answers[i], ward_totals(reference({tfr.str()}))) << tfrs[i];
  }
}

TEST_F(ServeApiTest, SavedScenarioFileRunsFromTheCommandLineToTheSameNumbers) {
  const json levers = {{"tfr", {{"2025", 0.94}, {"2035", 1.3}}},
                       {"shock", {{"years", {2026, 2027}}, {"in_migration_multiplier", 0.85}}},
                       {"housing",
                        {{"persons_per_dwelling", 2.0},
                         {"share_from_outside", 0.6},
                         {"projects", json::array({{{"district", "SE02"},
                                                    {"from_year", 2027},
                                                    {"to_year", 2036},
                                                    {"dwellings_per_year", 300}}})}}}};
  const auto res = post("/api/scenario-file", {{"levers", levers}, {"name", "my_whatif"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Disposition"),
            "attachment; filename=\"my_whatif.toml\"");
  const json answer = project({{"levers", levers}, {"name", "my_whatif"}});
  EXPECT_EQ(answer["scenario_toml"], res->body);

  const fs::path dir = fs::temp_directory_path() / ("wardsim_serve_test_" + std::to_string(port_));
  fs::create_directories(dir);
  {
    std::ofstream out(dir / "my_whatif.toml", std::ios::binary);
    out << res->body;
  }
  std::ostringstream out, err;
  ASSERT_EQ(run_cli({"run", "--scenario", (dir / "my_whatif.toml").string(), "--out",
                     (dir / "my_whatif.h5").string(), "--threads", "1"},
                    out, err),
            0)
      << err.str();
  const engine::Projection from_file = io::read_projection(dir / "my_whatif.h5", "my_whatif");
  EXPECT_EQ(answer["ward"]["population"].get<std::vector<double>>(), ward_totals(from_file));
  // The housing projects and the shock did change the numbers.
  EXPECT_NE(ward_totals(from_file), ward_totals(reference({"fertility.tfr={ 2025 = 0.94, 2035 = "
                                                           "1.3 }"})));
  fs::remove_all(dir);
}

TEST_F(ServeApiTest, DownloadsOpenAndHoldTheProjectedNumbers) {
  const json request = {{"levers", {{"tfr", 1.2}}}, {"name", "download_check"}};
  const auto h5 = post("/api/download?format=h5", request);
  ASSERT_TRUE(h5);
  ASSERT_EQ(h5->status, 200) << h5->body;
  EXPECT_EQ(h5->get_header_value("Content-Disposition"),
            "attachment; filename=\"download_check.h5\"");
  const fs::path file =
      fs::temp_directory_path() / ("wardsim_serve_download_" + std::to_string(port_) + ".h5");
  {
    std::ofstream out(file, std::ios::binary);
    out << h5->body;
  }
  const engine::Projection read = io::read_projection(file, "download_check");
  fs::remove(file);
  EXPECT_EQ(ward_totals(read), ward_totals(reference({"fertility.tfr=1.2"})));

  const auto csv = post("/api/download?format=csv", request);
  ASSERT_TRUE(csv);
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->body.rfind("\xEF\xBB\xBF" + std::string(io::kCsvHeader) + "\n", 0), 0U);
  const auto xlsx = post("/api/download?format=xlsx", request);
  ASSERT_TRUE(xlsx);
  ASSERT_EQ(xlsx->status, 200);
  EXPECT_EQ(xlsx->body.rfind("PK\x03\x04", 0), 0U);  // a zip container, as every .xlsx
  const auto gpkg = post("/api/download?format=gpkg", request);
  ASSERT_TRUE(gpkg);
  ASSERT_EQ(gpkg->status, 200);
  EXPECT_EQ(gpkg->body.rfind("SQLite format 3", 0), 0U);  // a GeoPackage is an SQLite file
  const auto bad = post("/api/download?format=pdf", request);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
}

TEST_F(ServeApiTest, BackcastFromAPresetIsTheCommandsReport) {
  const auto res = post("/api/backcast", {{"targets_preset", "plan_targets"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const json answer = json::parse(res->body);
  const fs::path targets = kBaseline.parent_path() / "targets/plan_targets.toml";
  const fs::path out =
      fs::temp_directory_path() / ("wardsim_serve_backcast_" + std::to_string(port_) + ".h5");
  std::ostringstream cli_out, cli_err;
  ASSERT_EQ(run_cli({"backcast", targets.string(), "--scenario", kBaseline.string(), "--out",
                     out.string(), "--threads", "1"},
                    cli_out, cli_err),
            0)
      << cli_err.str();
  fs::remove(out);
  const std::string report = answer["report_text"];
  EXPECT_GT(report.size(), 100U);
  EXPECT_THAT(cli_out.str(), HasSubstr(report));
  EXPECT_EQ(answer["targets"].size(), 7U);
  for (const auto& decision : answer["schedule"]) {
    EXPECT_EQ(decision["decide_by"].get<int>(),
              decision["year_needed"].get<int>() - decision["lead_time"].get<int>());
  }
  // The presets are offered in the meta answer; a bad targets file answers 400 naming it.
  const json meta = json::parse(client().Get("/api/meta")->body);
  ASSERT_EQ(meta["targets_presets"].size(), 1U);
  EXPECT_EQ(meta["targets_presets"][0]["id"], "plan_targets");
  const auto bad = post("/api/backcast", {{"targets_toml", "[[targets]]\nname = 3\n"}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_THAT(bad->body, HasSubstr("targets.toml"));
  EXPECT_THAT(bad->body, Not(HasSubstr("wardsim_serve_")));
}

// A job on the tiny city (7,070 persons, a fraction of a second), with its own server.
TEST(ServeJobs, AnAgentJobRunsToDoneWhileProjectKeepsAnswering) {
  std::ostringstream notes;
  ServeOptions options;
  options.port = 0;
  options.scenario = fs::path(WARDSIM_SOURCE_DIR) / "tests/scenarios/fixtures/tiny/tiny_agent.toml";
  options.assets = fs::temp_directory_path() / "wardsim-serve-test-no-assets";
  ServeServer server(options, notes);
  const int port = server.bind();
  std::thread thread([&] { server.run(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  httplib::Client http("127.0.0.1", port);

  const auto submitted = http.Post(
      "/api/jobs",
      json({{"kind", "agent"}, {"replicates", 4}, {"seed", 3}, {"levers", {{"tfr", 1.2}}}}).dump(),
      "application/json");
  ASSERT_TRUE(submitted);
  ASSERT_EQ(submitted->status, 200) << submitted->body;
  const std::string id = json::parse(submitted->body)["id"];
  double progress = 0.0;
  std::string state;
  int project_answers = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (state != "done" && state != "failed" && std::chrono::steady_clock::now() < deadline) {
    const auto project = http.Post("/api/project", "{}", "application/json");
    if (project && project->status == 200) ++project_answers;
    const auto res = http.Get("/api/jobs/" + id);
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
    const json status = json::parse(res->body);
    EXPECT_GE(status["progress"].get<double>(), progress);  // never goes back
    progress = status["progress"];
    state = status["state"];
  }
  ASSERT_EQ(state, "done");
  EXPECT_EQ(progress, 1.0);
  EXPECT_GE(project_answers, 1);
  const auto results = http.Get("/api/jobs/" + id + "/results.h5");
  ASSERT_TRUE(results);
  ASSERT_EQ(results->status, 200);
  const fs::path file =
      fs::temp_directory_path() / ("wardsim_serve_job_" + std::to_string(port) + ".h5");
  {
    std::ofstream out(file, std::ios::binary);
    out << results->body;
  }
  EXPECT_EQ(io::list_scenarios(file), std::vector<std::string>{"whatif"});
  EXPECT_EQ(io::read_provenance(file, "whatif").mode, "agent");
  fs::remove(file);
  // Unknown jobs and kinds are refused, and so is an ensemble of a base without an uncertainty
  // file (sweeps/baseline_uncertainty.toml).
  EXPECT_EQ(http.Get("/api/jobs/j999")->status, 404);
  EXPECT_EQ(http.Post("/api/jobs", R"({"kind":"ensemble"})", "application/json")->status, 400);
  server.stop();
  thread.join();
}

}  // namespace
}  // namespace wardsim::app::serve
