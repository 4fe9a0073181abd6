#pragma once
// Household types (census-style) and the household indicators reported by district and year.

#include <array>
#include <string_view>

namespace wardsim::engine::agent {

// Types by the relations inside the household, derived from its members each 1 January:
// single = one person; couple = two partners; couple_with_children = two partners and members of
// the next generation; single_parent = one person and members of the next generation (children of
// any age, as in the census); three_generations = three or more generations; other = the rest
// (siblings, unrelated persons).
enum class HouseholdType : unsigned char {
  kSingle,
  kCouple,
  kCoupleWithChildren,
  kSingleParent,
  kThreeGenerations,
  kOther,
};
inline constexpr int kHouseholdTypes = 6;
inline constexpr std::array<std::string_view, kHouseholdTypes> kHouseholdTypeNames = {
    "single", "couple", "couple_with_children", "single_parent", "three_generations", "other"};

// Indicators by district on each 1 January, in this order.
enum class Indicator : int {
  kHouseholds = 0,  // all households
  // kHouseholds + 1 + type: households of each type
  kPersons75PlusAlone = 1 + kHouseholdTypes,  // persons aged 75+ living alone
  kSingleParentWithMinor,                     // single-parent households with a child under 18
  kHouseholds8050,  // a member aged 80+ living with a member of the next generation aged 50-59
};
inline constexpr int kIndicators = 3 + 1 + kHouseholdTypes;
inline constexpr std::array<std::string_view, kIndicators> kIndicatorNames = {
    "households",
    "households_single",
    "households_couple",
    "households_couple_with_children",
    "households_single_parent",
    "households_three_generations",
    "households_other",
    "persons_75_plus_alone",
    "single_parent_with_minor",
    "households_8050"};

constexpr int indicator_of(HouseholdType type) { return 1 + static_cast<int>(type); }

}  // namespace wardsim::engine::agent
