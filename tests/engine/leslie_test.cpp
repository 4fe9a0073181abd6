// Closed-form check: with constant rates and no migration, the projection converges to the stable
// population of the Leslie matrix, growing by its dominant eigenvalue every year. The matrix is
// written here from the method's definition, independently of the kernel's code.

#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <cmath>

#include "engine/tiny_city.h"
#include "wardsim/engine/cohort_kernel.h"

namespace wardsim::engine {
namespace {

// The open age group's own death probability: high, so that its eigenvalue (its survival) is far
// below the dominant one and the projection converges quickly.
constexpr double kOpenGroupDeathProbability = 0.5;

// Leslie matrix of one district on the state [male 0..100, female 0..100].
Eigen::MatrixXd leslie_matrix(const YearRates& rates, double q) {
  const double survive = 1.0 - q;
  Eigen::MatrixXd leslie = Eigen::MatrixXd::Zero(kCells, kCells);
  for (int sex = 0; sex < kSexes; ++sex) {
    for (int age = 1; age <= kOpenAge; ++age) leslie(cell(sex, age), cell(sex, age - 1)) = survive;
    leslie(cell(sex, kOpenAge), cell(sex, kOpenAge - 1)) = 1.0 - kOpenGroupDeathProbability;
    leslie(cell(sex, kOpenAge), cell(sex, kOpenAge)) = 1.0 - kOpenGroupDeathProbability;
    // Newborns of either sex come from women aged y at the start (exposed at age y) and, having
    // survived, aged y + 1 at the end of the year.
    const double share = sex == kMale ? rates.male_birth_share : 1.0 - rates.male_birth_share;
    for (int y = 0; y < kOpenAge; ++y) {
      const double f_now = rates.fertility(0, y);
      const double f_next = rates.fertility(0, y + 1);
      leslie(cell(sex, 0), cell(kFemale, y)) = share * survive * 0.5 * (f_now + f_next * survive);
    }
  }
  return leslie;
}

TEST(Leslie, ConstantRatesConvergeToTheStablePopulationOfTheDominantEigenvalue) {
  const int steps = 2500;  // the subdominant pair damps by about 1.5 % a year
  const double q = 0.005;
  ProjectionInputs inputs = testing::closed_city(steps, q, 2.6);
  for (YearRates& rates : inputs.rates) {
    rates.death_probability.col(kOpenAge).setConstant(kOpenGroupDeathProbability);
  }
  const Projection p = project_cohort(inputs, {.threads = 1});

  const Eigen::EigenSolver<Eigen::MatrixXd> solver(leslie_matrix(inputs.rates[0], q));
  Eigen::Index dominant = 0;
  solver.eigenvalues().real().maxCoeff(&dominant);
  const double lambda = solver.eigenvalues()(dominant).real();
  Eigen::VectorXd stable = solver.eigenvectors().col(dominant).real();
  stable /= stable.sum();

  const auto last = static_cast<std::size_t>(steps);
  const double growth = p.population[last].row(0).sum() / p.population[last - 1].row(0).sum();
  EXPECT_NEAR(growth, lambda, 1e-9);
  EXPECT_GT(lambda, 1.0);  // a TFR of 2.6 with this mortality grows: a non-trivial root

  const Eigen::ArrayXd structure =
      p.population[last].row(0).transpose() / p.population[last].row(0).sum();
  for (int c = 0; c < kCells; ++c) {
    ASSERT_NEAR(structure(c), stable(c), 1e-9) << "cell " << c;
  }
}

}  // namespace
}  // namespace wardsim::engine
