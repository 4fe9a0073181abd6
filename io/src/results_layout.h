#pragma once
// Private to wardsim::io: the names and fixed texts of the results file layout, shared by the
// writer and the reader. The contract they implement is docs/results_format.md.

#include <array>
#include <string>

#include "wardsim/engine/projection.h"

namespace wardsim::io::layout {

inline constexpr const char* kFormatName = "wardsim-results";
inline constexpr int kFormatVersion = 1;
// A file holding only comparisons (`wardsim compare` with a new --out): docs/results_format.md.
inline constexpr const char* kComparisonFormatName = "wardsim-comparison";

inline constexpr const char* kDims = "/dims";
inline constexpr const char* kYear = "/dims/year";
inline constexpr const char* kFlowYear = "/dims/flow_year";
inline constexpr const char* kDistrict = "/dims/district";
inline constexpr const char* kDistrictName = "/dims/district_name";
inline constexpr const char* kDistrictNameEn = "/dims/district_name_en";
inline constexpr const char* kRegion = "/dims/region";
inline constexpr const char* kRegionEn = "/dims/region_en";
inline constexpr const char* kSex = "/dims/sex";
inline constexpr const char* kAge = "/dims/age";
inline constexpr const char* kScenarios = "/scenarios";

inline constexpr const char* kUnits = "persons";
inline constexpr const char* kPopulationDims = "year,district,sex,age";
inline constexpr const char* kBirthsDims = "flow_year,district,sex";
inline constexpr const char* kFlowDims = "flow_year,district,sex,age";
inline constexpr const char* kAgeConvention =
    "age reached on 1 January after the flow year (cohort): 0 = born during the year";
inline constexpr const char* kOpenAgeNote = "100 = 100 and over";

inline std::string scenario_group(const std::string& name) {
  return std::string(kScenarios) + "/" + name;
}

// Service demand: /scenarios/<name>/services/<service>/{<indicator>…, markers/, decomposition/}.
inline constexpr const char* kServices = "services";
inline constexpr const char* kMarkers = "markers";
inline constexpr const char* kDecomposition = "decomposition";
inline constexpr const char* kIndicatorDims = "year,district";
inline constexpr const char* kDistrictDims = "district";
inline constexpr const char* kFlagDims = "year,district";

inline std::string services_group(const std::string& scenario) {
  return scenario_group(scenario) + "/" + kServices;
}

// The flows indexed by age, in the order they are written.
struct FlowCube {
  const char* name;  // dataset name under flows/
  engine::DistrictCube engine::YearFlows::*member;
};
inline const std::array<FlowCube, 5> kFlowCubes = {{
    {"deaths", &engine::YearFlows::deaths},
    {"in_migration", &engine::YearFlows::in_migration},
    {"out_migration", &engine::YearFlows::out_migration},
    {"moves_in", &engine::YearFlows::moves_in},
    {"moves_out", &engine::YearFlows::moves_out},
}};

}  // namespace wardsim::io::layout
