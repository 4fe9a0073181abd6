#include "wardsim/models/headline_demand.h"

#include <algorithm>
#include <cmath>

#include "age_bands.h"
#include "capacity_series.h"
#include "certification_rates.h"
#include "school_year_age.h"
#include "wardsim/engine/population_queries.h"

namespace wardsim::models {
namespace {

using Eigen::Index;

// The constants below are the full models' (childcare_model.cpp, school_model.cpp,
// elderly_care_model.cpp, infrastructure_model.cpp); the HeadlineDemand and Ensemble tests check
// that both paths give the same numbers.
struct AgeGroup {
  int from;
  int to;
};
constexpr std::array<AgeGroup, kChildcareGroups> kChildcareAges = {{{0, 0}, {1, 2}, {3, 5}}};
constexpr std::array<AgeGroup, kSchoolLevels> kSchoolAges = {{{6, 11}, {12, 14}}};
static_assert(kChildcareAges.back().to < kYoungAprilAges && kSchoolAges.back().to < kYoungAprilAges,
              "young_april_basis must cover every childcare and school age");
constexpr double kPupilTolerance = 1e-9;
constexpr int kFirstCareAge = 65;
constexpr int kFirstResidentialLevel = 4;  // care_3
constexpr int kEvacuationCells = 3;        // infants, ages 1-74, 75+

// Both sexes aged from..to in every district, into w.sum, as engine::count_ages adds them.
void count_both_sexes(const engine::CellMajorCube& population, int from, int to,
                      HeadlineDemand::Workspace& w) {
  engine::count_sex_ages(population, from, to, w.sum, w.other);
  w.sum += w.other;
}

}  // namespace

HeadlineDemand::HeadlineDemand(const engine::Dimensions& dims, const ServiceParameters& parameters)
    : dims_(dims), parameters_(parameters) {
  for (int i = 0; i < dims.years(); ++i) {
    const auto y = static_cast<std::size_t>(i);
    const double uptake = parameters.childcare.uptake_multiplier[y];
    childcare_uptake_.push_back((parameters.childcare.uptake.transpose() * uptake).min(1.0));
    const double certification = parameters.elderly_care.certification_multiplier[y];
    certification_.push_back(
        {certification_rates_in_year(parameters.elderly_care.certification[0], certification),
         certification_rates_in_year(parameters.elderly_care.certification[1], certification)});
  }
  capacity_ = {capacity_series(parameters.childcare.places, dims),
               capacity_series(parameters.school.classrooms, dims),
               capacity_series(parameters.elderly_care.residential_places, dims),
               capacity_series(parameters.infrastructure.welfare_shelter_places, dims)};
  categories_ = {kChildcareGroups, kSchoolLevels, 1, 1};
}

void HeadlineDemand::childcare(int i, Workspace& w) const {
  const auto& uptake = childcare_uptake_[static_cast<std::size_t>(i)];
  const Index districts = dims_.district_count();
  for (int g = 0; g < kChildcareGroups; ++g) {
    const AgeGroup& group = kChildcareAges[static_cast<std::size_t>(g)];
    count_both_sexes(w.april, group.from, group.to, w);
    for (Index d = 0; d < districts; ++d) {
      w.by_service[0](i, d * kChildcareGroups + g) = w.sum(d) * uptake(g);
    }
  }
}

void HeadlineDemand::school(int i, Workspace& w) const {
  const SchoolParameters& p = parameters_.school;
  const Index districts = dims_.district_count();
  for (int l = 0; l < kSchoolLevels; ++l) {
    // Classes: one ceiling per grade, as in the full model.
    const double share = p.public_share[static_cast<std::size_t>(l)];
    const double limit = p.class_size_limit[static_cast<std::size_t>(l)];
    w.classes.setZero(districts);
    for (int age = kSchoolAges[static_cast<std::size_t>(l)].from;
         age <= kSchoolAges[static_cast<std::size_t>(l)].to; ++age) {
      count_both_sexes(w.april, age, age, w);
      w.classes += (w.sum.head(districts) * share / limit - kPupilTolerance).ceil();
    }
    for (Index d = 0; d < districts; ++d) w.by_service[1](i, d * kSchoolLevels + l) = w.classes(d);
  }
}

void HeadlineDemand::certified(int i, const engine::CellMajorCube& january, Workspace& w) const {
  constexpr int kBandCells = engine::kSexes * kCareAgeBands;
  const Index districts = dims_.district_count();
  w.counts.resize(districts, kBandCells);
  for (int sex = 0; sex < engine::kSexes; ++sex) {
    for (int band = 0; band < kCareAgeBands; ++band) {
      const AgeBand ages = five_year_band(kFirstCareAge, band, kCareAgeBands);
      engine::count_sex_ages(january, sex, ages.from, ages.to, w.sum);
      w.counts.col(sex * kCareAgeBands + band) = w.sum.head(districts);
    }
  }
  const auto& rates = certification_[static_cast<std::size_t>(i)];
  for (Index d = 0; d < districts; ++d) {
    // Summed in registers from 0, in the full model's order, then stored once: adding into the
    // table itself made every band wait for the last band's store.
    Eigen::Array<double, 1, kCareLevels> certified = Eigen::Array<double, 1, kCareLevels>::Zero();
    for (int sex = 0; sex < engine::kSexes; ++sex) {
      for (int band = 0; band < kCareAgeBands; ++band) {
        certified += w.counts(d, sex * kCareAgeBands + band) *
                     rates[static_cast<std::size_t>(sex)].row(band);
      }
    }
    w.by_service[2].row(i).segment<kCareLevels>(d * kCareLevels) = certified;
  }
}

void HeadlineDemand::infrastructure(int i, const engine::CellMajorCube& january,
                                    Workspace& w) const {
  const InfrastructureParameters& p = parameters_.infrastructure;
  const Eigen::Array<double, 1, kEvacuationCells> rates = {1.0, p.evacuation_help_rate_under_75,
                                                           p.evacuation_help_rate_75_plus};
  constexpr std::array<AgeGroup, kEvacuationCells> kAges = {
      {{0, 0}, {1, 74}, {75, engine::kOpenAge}}};
  const Index districts = dims_.district_count();
  w.counts.resize(districts, kEvacuationCells);
  for (int c = 0; c < kEvacuationCells; ++c) {
    count_both_sexes(january, kAges[static_cast<std::size_t>(c)].from,
                     kAges[static_cast<std::size_t>(c)].to, w);
    w.counts.col(c) = w.sum.head(districts);
  }
  for (Index d = 0; d < districts; ++d) {
    w.by_service[3](i, d) = (w.counts.row(d) * rates).sum();
  }
}

void HeadlineDemand::begin(Workspace& workspace) const {
  const int years = dims_.years();
  const int districts = dims_.district_count();
  workspace.by_service[0].resize(years, Index{districts} * kChildcareGroups);
  workspace.by_service[1].resize(years, Index{districts} * kSchoolLevels);
  workspace.by_service[2].resize(years, Index{districts} * kCareLevels);
  workspace.by_service[3].resize(years, districts);
}

void HeadlineDemand::add_year(int i, const engine::CellMajorCube& january,
                              Workspace& workspace) const {
  young_april_basis(january, workspace.april);
  childcare(i, workspace);
  school(i, workspace);
  certified(i, january, workspace);
  infrastructure(i, january, workspace);
}

void HeadlineDemand::compute(const std::vector<engine::DistrictCube>& population,
                             Workspace& workspace, std::span<double> demand,
                             std::span<std::uint8_t> shortfall) const {
  begin(workspace);
  for (int i = 0; i < dims_.years(); ++i) {
    engine::to_cell_major(population[static_cast<std::size_t>(i)], workspace.january);
    add_year(i, workspace.january, workspace);
  }
  finish(workspace, demand, shortfall);
}

void HeadlineDemand::finish(Workspace& workspace, std::span<double> demand,
                            std::span<std::uint8_t> shortfall) const {
  const int years = dims_.years();
  const int districts = dims_.district_count();
  const auto cells = static_cast<std::size_t>(years) * static_cast<std::size_t>(districts);
  // Elderly care: residential demand = certified at care 3-5 × residential rate.
  workspace.care_3_plus.resize(years, districts);
  for (Index d = 0; d < districts; ++d) {
    workspace.care_3_plus.col(d) = workspace.by_service[2]
                                       .middleCols(d * kCareLevels + kFirstResidentialLevel,
                                                   kCareLevels - kFirstResidentialLevel)
                                       .rowwise()
                                       .sum();
  }
  // Into its own table: by_service[2] keeps its shape (and storage) for the next draw.
  workspace.residential = workspace.care_3_plus * parameters_.elderly_care.residential_rate;

  for (int s = 0; s < kHeadlineServices; ++s) {
    const int categories = categories_[static_cast<std::size_t>(s)];
    const IndicatorValues& values =
        s == 2 ? workspace.residential : workspace.by_service[static_cast<std::size_t>(s)];
    const IndicatorValues& capacity = capacity_[static_cast<std::size_t>(s)];
    const std::size_t offset = static_cast<std::size_t>(s) * cells;
    for (Index y = 0; y < years; ++y) {
      for (Index d = 0; d < districts; ++d) {
        double want_total = 0.0;
        double short_total = 0.0;
        for (int c = 0; c < categories; ++c) {
          const Index column = d * categories + c;
          const double want = values(y, column);
          want_total += want;
          short_total += std::max(0.0, want - capacity(y, column));
        }
        const auto index = offset + static_cast<std::size_t>(y * districts + d);
        demand[index] = want_total;
        shortfall[index] = short_total > 0.0 ? 1 : 0;
      }
    }
  }
}

}  // namespace wardsim::models
