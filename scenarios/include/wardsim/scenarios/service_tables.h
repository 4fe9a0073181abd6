#pragma once
// The [services] section of a scenario: its tables (docs/scenario_format.md, "Services") read and
// checked, and its levers resolved into the models' ServiceParameters.

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "wardsim/models/service_parameters.h"
#include "wardsim/scenarios/csv_table.h"
#include "wardsim/scenarios/input_reader.h"
#include "wardsim/scenarios/problem_list.h"
#include "wardsim/scenarios/scenario_settings.h"
#include "wardsim/scenarios/table_readers.h"

namespace wardsim::scenarios {

inline constexpr std::string_view kChildcareUptakeColumns[] = {"age_group", "uptake"};
inline constexpr std::string_view kChildcarePlacesColumns[] = {"district_id", "age_group",
                                                               "from_year", "places"};
inline constexpr std::string_view kSchoolClassroomsColumns[] = {"district_id", "school_level",
                                                                "from_year", "classrooms"};
inline constexpr std::string_view kCareCertificationColumns[] = {"sex", "age_band", "care_level",
                                                                 "rate"};
inline constexpr std::string_view kCarePlacesColumns[] = {"district_id", "from_year", "places"};
inline constexpr std::string_view kHeadshipColumns[] = {"sex", "age_band", "headship_rate",
                                                        "single_person_rate"};
inline constexpr std::string_view kShelterColumns[] = {"district_id", "from_year",
                                                       "welfare_shelter_places", "shelter_places"};

// Category labels, in the order of the models' dimensions.
inline constexpr std::string_view kChildcareGroupLabels[] = {"age_0", "age_1_2", "age_3_5"};
inline constexpr std::string_view kSchoolLevelLabels[] = {"elementary", "junior_high"};
inline constexpr std::string_view kCareLevelLabels[] = {
    "support_1", "support_2", "care_1", "care_2", "care_3", "care_4", "care_5"};
inline constexpr std::string_view kCareAgeBandLabels[] = {"65-69", "70-74", "75-79",
                                                          "80-84", "85-89", "90+"};
inline constexpr std::string_view kHeadshipBandLabels[] = {
    "15-19", "20-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54",
    "55-59", "60-64", "65-69", "70-74", "75-79", "80-84", "85+"};

// The population years a capacity table's from_year may name. If `base_year` is 0 (the scenario's
// years are invalid, which has been reported), any year 1900..2200 is accepted and base-year rows
// are not checked.
struct YearRange {
  int base_year = 0;
  int end_year = 0;
};

// A capacity table: `district_id`, then a category column if `categories` is not empty, then
// `from_year`, then one capacity column per plan returned. Rows from the base year form each plan's
// base (every district × category must have one); later rows are changes from that year on.
std::vector<models::CapacityPlan> read_capacity_table(const CsvTable& table,
                                                      const DistrictLookup& districts,
                                                      std::span<const std::string_view> categories,
                                                      std::size_t capacity_columns, YearRange years,
                                                      ProblemList& problems);

// Uptake by age group (every group exactly once; 0 ≤ uptake ≤ 1).
Eigen::Array<double, models::kChildcareGroups, 1> read_childcare_uptake(const CsvTable& table,
                                                                        ProblemList& problems);

// Certification rate by sex × age band × care level (every combination exactly once; each rate
// between 0 and 1 and the levels of one sex × band summing to at most 1).
std::array<models::CertificationRates, 2> read_care_certification(const CsvTable& table,
                                                                  ProblemList& problems);

// Headship and single-person rates by sex × age band (every combination exactly once;
// 0 ≤ single_person_rate ≤ headship_rate ≤ 1).
struct HeadshipRates {
  std::array<Eigen::Array<double, models::kHeadshipBands, 1>, 2> headship;
  std::array<Eigen::Array<double, models::kHeadshipBands, 1>, 2> single_person;
};
HeadshipRates read_headship(const CsvTable& table, ProblemList& problems);

// Reads every [services] table (through `reader`) and resolves the levers to one value per
// population year. Nothing if the scenario has no [services] section; the result is complete only
// if no problem was recorded.
std::optional<models::ServiceParameters> read_service_parameters(const ScenarioSettings& settings,
                                                                 const DistrictLookup& districts,
                                                                 InputReader& reader,
                                                                 ProblemList& problems);

}  // namespace wardsim::scenarios
