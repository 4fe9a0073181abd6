#include "wardsim/engine/population_projection.h"

#include <gtest/gtest.h>

#include <string>

#include "engine/tiny_city.h"
#include "wardsim/error.h"

namespace wardsim::engine {
namespace {

using testing::closed_city;
using testing::tiny_city;
using testing::wide_city;

// The lean path must give the full kernel's populations bit for bit, not just closely.
void expect_identical(const std::vector<DistrictCube>& lean, const Projection& full) {
  ASSERT_EQ(lean.size(), full.population.size());
  for (std::size_t y = 0; y < lean.size(); ++y) {
    ASSERT_EQ(lean[y].rows(), full.population[y].rows()) << "year index " << y;
    for (Eigen::Index i = 0; i < lean[y].size(); ++i) {
      ASSERT_EQ(lean[y].data()[i], full.population[y].data()[i])
          << "year index " << y << ", cell " << i;
    }
  }
}

TEST(PopulationProjection, EqualsTheFullKernelBitForBit) {
  const ProjectionInputs inputs = tiny_city(15);
  PopulationWorkspace workspace(3);
  std::vector<DistrictCube> population;
  project_population(inputs, workspace, population);
  expect_identical(population, project_cohort(inputs, {.threads = 2}));
}

TEST(PopulationProjection, EqualsTheFullKernelBitForBitInAWideCity) {
  // Eleven districts: the blocked moves product, and the discarded flows' scratch rows shared by
  // every district in turn.
  const ProjectionInputs inputs = wide_city(11, 12);
  PopulationWorkspace workspace;
  std::vector<DistrictCube> population;
  project_population(inputs, workspace, population);
  expect_identical(population, project_cohort(inputs, {.threads = 2}));
}

TEST(PopulationProjection, HandsEveryYearToTheCallerInOrder) {
  const ProjectionInputs inputs = wide_city(9, 7);
  const Projection full = project_cohort(inputs, {.threads = 1});
  PopulationWorkspace workspace;
  int next = 0;
  project_population(inputs, workspace, [&](int year, const DistrictCube& cube) {
    ASSERT_EQ(year, next++);
    ASSERT_TRUE((cube == full.population[static_cast<std::size_t>(year)]).all())
        << "year index " << year;
  });
  EXPECT_EQ(next, inputs.dims.years());
}

TEST(PopulationProjection, ReusedStorageCarriesNothingOver) {
  // One workspace and one output for a sequence of different wards, as an ensemble thread does.
  PopulationWorkspace workspace;  // sized on first use
  std::vector<DistrictCube> population;
  project_population(tiny_city(12), workspace, population);
  const ProjectionInputs closed = closed_city(6, 0.01, 1.5);
  project_population(closed, workspace, population);
  expect_identical(population, project_cohort(closed, {.threads = 1}));
  project_population(tiny_city(12), workspace, population);
  expect_identical(population, project_cohort(tiny_city(12), {.threads = 1}));
}

TEST(PopulationProjection, ChecksItsInputs) {
  ProjectionInputs inputs = tiny_city(3);
  inputs.rates[1].in_migrants = -5.0;
  PopulationWorkspace workspace(3);
  std::vector<DistrictCube> population;
  EXPECT_THROW(project_population(inputs, workspace, population), InputError);
}

}  // namespace
}  // namespace wardsim::engine
