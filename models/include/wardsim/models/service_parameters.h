#pragma once
// Parameters of the service-demand models, resolved by scenarios/ from the scenario's tables and
// levers. Plain values: no file names, no year paths (levers come as one value per year).

#include <Eigen/Core>
#include <array>
#include <string>
#include <vector>

namespace wardsim::models {

// One value per population year of the projection (index 0 = base year).
using YearSeries = std::vector<double>;

// Capacity per district (row) and category (column) in force from the base year, and the changes
// a plan makes: from `year` on, the capacity of (district, category) becomes `capacity`.
struct CapacityPlan {
  struct Change {
    int year = 0;
    int district = 0;
    int category = 0;
    double capacity = 0.0;
  };
  Eigen::ArrayXXd base;
  std::vector<Change> changes;  // applied in year order; later rows win within a year

  Eigen::ArrayXXd in_year(int year) const;
};

// Childcare (hoiku): age groups by age on 1 April — 0, 1–2 and 3–5 (places are age-specific).
inline constexpr int kChildcareGroups = 3;
struct ChildcareParameters {
  Eigen::Array<double, kChildcareGroups, 1>
      uptake;                    // share of the group using a place (enrolment based)
  YearSeries uptake_multiplier;  // trend lever on every group's uptake
  CapacityPlan places;           // district × group
};

// Schools: elementary (grades 1–6, ages 6–11 on 1 April) and junior high (grades 7–9, 12–14).
inline constexpr int kSchoolLevels = 2;  // 0 = elementary, 1 = junior high
struct SchoolParameters {
  std::array<double, kSchoolLevels> public_share{};   // share of pupils in ward-run schools
  std::array<int, kSchoolLevels> class_size_limit{};  // largest class allowed
  CapacityPlan classrooms;                            // district × level
};

// Elderly care: long-term-care certification by sex × 5-year band × level.
inline constexpr int kCareAgeBands = 6;  // 65–69, 70–74, 75–79, 80–84, 85–89, 90+
inline constexpr int kCareLevels = 7;    // support 1, support 2, care 1 … care 5
using CertificationRates = Eigen::Array<double, kCareAgeBands, kCareLevels, Eigen::RowMajor>;
struct ElderlyCareParameters {
  std::array<CertificationRates, 2> certification;  // by sex (0 = male, 1 = female)
  YearSeries certification_multiplier;              // trend lever (healthy ageing < 1)
  double residential_rate = 0.0;  // share of people at care level 3+ needing a residential place
  double home_care_rate = 0.0;    // share of other certified people using home-visit care
  double day_care_rate = 0.0;     // share of other certified people using day care
  double residents_per_care_worker = 0.0;        // staffing ratio in residential care (FTE)
  double community_users_per_care_worker = 0.0;  // home and day care users per worker (FTE)
  CapacityPlan residential_places;               // district × 1
};

// Infrastructure: households, housing, water, waste and disaster preparedness.
inline constexpr int kHeadshipBands = 15;  // 15–19, 20–24, …, 80–84, 85+
struct InfrastructureParameters {
  std::array<Eigen::Array<double, kHeadshipBands, 1>, 2> headship_rate;  // by sex: heads per person
  std::array<Eigen::Array<double, kHeadshipBands, 1>, 2>
      single_person_rate;                    // living alone per person
  double housing_units_per_household = 0.0;  // dwellings needed per household (vacancy allowance)
  double water_litres_per_person_day = 0.0;
  double waste_kg_per_person_day = 0.0;
  double evacuation_help_rate_75_plus = 0.0;   // share of people 75+ needing help to evacuate
  double evacuation_help_rate_under_75 = 0.0;  // disability rate among the rest (ages 1–74)
  CapacityPlan welfare_shelter_places;         // district × 1 (fukushi hinanjo)
  CapacityPlan shelter_places;                 // district × 1 (evacuation sites)
};

struct ServiceParameters {
  ChildcareParameters childcare;
  SchoolParameters school;
  ElderlyCareParameters elderly_care;
  InfrastructureParameters infrastructure;
  std::vector<std::string> assumptions;  // one sentence per parameter table: source or "assumption"
};

}  // namespace wardsim::models
