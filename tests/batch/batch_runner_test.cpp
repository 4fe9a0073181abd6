#include "wardsim/batch/batch_runner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "batch/batch_test_support.h"
#include "wardsim/engine/cohort_kernel.h"
#include "wardsim/io/batch_results.h"
#include "wardsim/io/results_reader.h"
#include "wardsim/models/services.h"
#include "wardsim/scenarios/scenario.h"

namespace wardsim::batch {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using testing::kMonteCarlo;
using testing::kThreeVariants;
using testing::TempDir;

BatchOptions options_for(const fs::path& out, int threads = 2) {
  BatchOptions options;
  options.out = out;
  options.threads = threads;
  options.wardsim_version = "test";
  return options;
}

scenarios::Sweep read(const fs::path& file) {
  scenarios::Sweep sweep = scenarios::read_sweep(file);
  scenarios::check_sweep_levers(sweep);
  return sweep;
}

void expect_same_cubes(const std::vector<engine::DistrictCube>& a,
                       const std::vector<engine::DistrictCube>& b, const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (std::size_t y = 0; y < a.size(); ++y) {
    ASSERT_TRUE((a[y] == b[y]).all()) << what << ", year index " << y;
  }
}

// Everything a results file holds for one scenario, compared exactly.
void expect_same_scenario(const fs::path& a, const fs::path& b, const std::string& name) {
  const engine::Projection pa = io::read_projection(a, name);
  const engine::Projection pb = io::read_projection(b, name);
  expect_same_cubes(pa.population, pb.population, name + " population");
  for (std::size_t y = 0; y < pa.flows.size(); ++y) {
    ASSERT_TRUE((pa.flows[y].deaths == pb.flows[y].deaths).all()) << name;
    ASSERT_TRUE((pa.flows[y].births == pb.flows[y].births).all()) << name;
  }
  const auto sa = io::read_services(a, name);
  const auto sb = io::read_services(b, name);
  ASSERT_EQ(sa.size(), sb.size());
  for (std::size_t s = 0; s < sa.size(); ++s) {
    for (std::size_t i = 0; i < sa[s].indicators.size(); ++i) {
      ASSERT_TRUE((sa[s].indicators[i].values == sb[s].indicators[i].values).all())
          << name << " " << sa[s].name << "/" << sa[s].indicators[i].name;
    }
  }
  const auto ea = io::read_ensemble(a, name);
  const auto eb = io::read_ensemble(b, name);
  ASSERT_EQ(ea.indicators.size(), eb.indicators.size());
  for (std::size_t i = 0; i < ea.indicators.size(); ++i) {
    EXPECT_EQ(ea.indicators[i].values, eb.indicators[i].values)
        << name << " " << ea.indicators[i].name;
  }
}

TEST(BatchRunner, EqualsTheSameScenariosRunOneByOne) {
  TempDir dir;
  const auto sweep = read(dir.sweep(kThreeVariants));
  const fs::path out = dir.path() / "batch.h5";
  Communicator single;
  const BatchSummary summary = run_batch(sweep, options_for(out), single);
  EXPECT_TRUE(summary.complete);
  EXPECT_EQ(summary.computed, 3);
  EXPECT_THAT(io::list_scenarios(out), ElementsAre("low", "central", "high"));
  EXPECT_FALSE(fs::exists(parts_directory(out))) << "parts are removed once assembled";

  const std::vector<std::vector<std::string>> overrides = {
      {"fertility.tfr=0.7"}, {}, {"fertility.tfr=1.6", "migration.in_migrants=180"}};
  const char* names[] = {"low", "central", "high"};
  for (std::size_t i = 0; i < 3; ++i) {
    const auto scenario = scenarios::load_scenario(testing::kTinyServices, overrides[i]);
    const engine::Projection alone = engine::project_cohort(scenario.inputs, {.threads = 1});
    expect_same_cubes(io::read_projection(out, names[i]).population, alone.population, names[i]);
    const auto services = models::compute_services(alone, *scenario.services);
    const auto written = io::read_services(out, names[i]);
    ASSERT_EQ(written.size(), services.size());
    EXPECT_TRUE((written[1].indicator("gap").values == services[1].indicator("gap").values).all());
    EXPECT_EQ(io::read_provenance(out, names[i]).overrides, overrides[i]);
  }
  // Higher fertility, more people at the end.
  EXPECT_GT(io::read_projection(out, "high").total(5), io::read_projection(out, "low").total(5));

  const io::BatchRecord record = io::read_batch_record(out);
  EXPECT_EQ(record.sweep_name, "sweep");
  EXPECT_EQ(record.design, "variants");
  EXPECT_EQ(record.resolved_text, sweep.resolved_text);
  EXPECT_EQ(record.sweep_text, sweep.text);
}

TEST(BatchRunner, ResumesAfterAnInterruptionWithoutRecomputingFinishedScenarios) {
  TempDir dir;
  const auto sweep = read(dir.sweep(kThreeVariants));
  Communicator single;
  const fs::path reference = dir.path() / "reference.h5";
  run_batch(sweep, options_for(reference), single);

  const fs::path out = dir.path() / "resumed.h5";
  BatchOptions interrupted = options_for(out, 1);
  interrupted.stop_after = 1;
  const BatchSummary first = run_batch(sweep, interrupted, single);
  EXPECT_FALSE(first.complete);
  EXPECT_EQ(first.computed, 1);
  EXPECT_FALSE(fs::exists(out)) << "an interrupted batch leaves no results file";
  // A half-written part (as a kill during writing would leave under its staging name) and a
  // truncated one under a final name must not be taken for finished scenarios.
  const fs::path parts = parts_directory(out);
  std::ofstream(parts / "000001_central.h5.staging-1") << "partial";
  std::ofstream(parts / "000002_high.h5") << "truncated";

  BatchOptions resume = options_for(out, 2);
  resume.resume = true;
  const BatchSummary second = run_batch(sweep, resume, single);
  EXPECT_TRUE(second.complete);
  EXPECT_EQ(second.reused, 1);
  EXPECT_EQ(second.computed, 2);
  for (const char* name : {"low", "central", "high"}) expect_same_scenario(reference, out, name);
  EXPECT_FALSE(fs::exists(parts));
}

TEST(BatchRunner, PartsOfAnotherSweepAreNotReused) {
  TempDir dir;
  Communicator single;
  const fs::path out = dir.path() / "batch.h5";
  BatchOptions interrupted = options_for(out, 1);
  interrupted.stop_after = 1;
  run_batch(read(dir.sweep(kThreeVariants)), interrupted, single);
  // The same names with another value: the finished part of "low" is stale.
  std::string changed = kThreeVariants;
  changed.replace(changed.find("0.7"), 3, "0.9");
  BatchOptions resume = options_for(out, 2);
  resume.resume = true;
  const BatchSummary summary = run_batch(read(dir.sweep(changed)), resume, single);
  EXPECT_EQ(summary.reused, 0);
  EXPECT_EQ(summary.computed, 3);
  EXPECT_EQ(io::read_provenance(out, "low").overrides,
            std::vector<std::string>{"fertility.tfr=0.9"});
}

TEST(BatchRunner, MonteCarloBatchIsIdenticalForAnyThreadCountAndResumes) {
  TempDir dir;
  const auto sweep =
      read(dir.sweep("[[variants]]\nname = \"a\"\n[[variants]]\nname = \"b\"\nset = { "
                     "\"fertility.tfr\" = 1.5 }\n" +
                     kMonteCarlo));
  Communicator single;
  const fs::path one = dir.path() / "one.h5";
  run_batch(sweep, options_for(one, 1), single);
  const fs::path two = dir.path() / "two.h5";
  BatchOptions interrupted = options_for(two, 2);
  interrupted.stop_after = 1;
  run_batch(sweep, interrupted, single);
  BatchOptions resume = options_for(two, 2);
  resume.resume = true;
  EXPECT_EQ(run_batch(sweep, resume, single).reused, 1);
  for (const char* name : {"a", "b"}) expect_same_scenario(one, two, name);
  const auto ensemble = io::read_ensemble(one, "b");
  EXPECT_EQ(ensemble.draws, 40);
  EXPECT_EQ(ensemble.multipliers.size(), 40U * 3U);
  EXPECT_EQ(ensemble.indicators.front().name, "population");
}

}  // namespace
}  // namespace wardsim::batch
