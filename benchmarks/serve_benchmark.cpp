// `wardsim serve`'s answer to a lever change on the bundled 28-district Setagaya ward, 2025-2060:
// the in-process what-if run (levers → scenario file → loader through the file cache → cohort
// projection → service models) beside the naive reference of the same work (the scenario loaded
// from disk with no cache, as `wardsim run --set` does), and the whole HTTP round trip of
// POST /api/project as the page sees it.

#include <benchmark/benchmark.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "base_catalog.h"
#include "http_library.h"
#include "ratio_reporter.h"
#include "result_json.h"
#include "serve_server.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/models/services.h"
#include "wardsim/scenarios/scenario.h"
#include "what_if_run.h"

namespace wardsim::benchmarks {
namespace {

const std::filesystem::path kBaseline = WARDSIM_SOURCE_DIR "/scenarios/setagaya/baseline.toml";

// A different TFR every iteration, as when a planner drags the slider.
double next_tfr(int& i) { return 0.8 + 0.01 * (++i % 50); }

void what_if_engine(benchmark::State& state) {
  scenarios::FileCache cache;
  int i = 0;
  for (auto _ : state) {
    const auto run =
        app::serve::run_what_if(kBaseline, {{"tfr", next_tfr(i)}}, "whatif", &cache, 1);
    benchmark::DoNotOptimize(run.projection.population.back().data());
  }
}

void what_if_naive(benchmark::State& state) {
  int i = 0;
  for (auto _ : state) {
    std::ostringstream tfr;
    tfr << "fertility.tfr=" << next_tfr(i);
    const auto scenario = scenarios::load_scenario(kBaseline, {tfr.str()});
    const auto projection = engine::project_cohort(scenario.inputs, {.threads = 1});
    const auto services = models::compute_services(projection, *scenario.services);
    benchmark::DoNotOptimize(services.data());
  }
}

// Encoding the answer (every district indicator, pyramid, services, diff) as JSON text.
void answer_json(benchmark::State& state) {
  scenarios::FileCache cache;
  const auto run = app::serve::run_what_if(kBaseline, {{"tfr", 1.3}}, "whatif", &cache, 1);
  const auto base = app::serve::run_what_if(kBaseline, nlohmann::json::object(), "b", &cache, 1);
  for (auto _ : state) {
    const std::string text = app::serve::project_json(run, base.projection, {}).dump();
    benchmark::DoNotOptimize(text.data());
  }
}

// The page's view: POST /api/project on loopback, answer parsed, on a running server.
void http_round_trip(benchmark::State& state) {
  std::ostringstream notes;
  app::serve::ServeOptions options;
  options.port = 0;
  options.scenario = kBaseline;
  app::serve::ServeServer server(options, notes);
  const int port = server.bind();
  std::thread thread([&] { server.run(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  httplib::Client client("127.0.0.1", port);
  int i = 0;
  for (auto _ : state) {
    const nlohmann::json body = {{"levers", {{"tfr", next_tfr(i)}}}};
    const auto res = client.Post("/api/project", body.dump(), "application/json");
    if (!res || res->status != 200) {
      state.SkipWithError("the server did not answer 200");
      break;
    }
    benchmark::DoNotOptimize(nlohmann::json::parse(res->body));
  }
  server.stop();
  thread.join();
}

BENCHMARK(what_if_engine)->Name("what_if_tfr/engine")->Unit(benchmark::kMillisecond);
BENCHMARK(what_if_naive)->Name("what_if_tfr/naive")->Unit(benchmark::kMillisecond);
BENCHMARK(answer_json)->Name("answer_json")->Unit(benchmark::kMillisecond);
BENCHMARK(http_round_trip)->Name("http_post_api_project")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace wardsim::benchmarks

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  wardsim::benchmarks::RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
