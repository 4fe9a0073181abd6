#pragma once
// The persons and households of one district in one replicate, as a structure of arrays.
//
// A person takes 10 bytes: id (4), household slot (4), age (1) and a traits byte (sex, partnered,
// generation). A household takes 3 bytes (size 2, type 1), about 1.5 bytes per person at Tokyo's
// household sizes. Arrays of one field are contiguous, so each yearly event streams through only
// the fields it reads.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "wardsim/engine/agent/household_types.h"

namespace wardsim::engine::agent {

// Age of a person born during the current year: one less than 0, so that the cohort (age reached on
// the next 1 January, see year_rates.h) is (age + 1) mod 256 = 0 and ageing makes it 0.
inline constexpr std::uint8_t kBornThisYear = 0xFF;
inline constexpr std::uint32_t kNoId = 0xFFFFFFFFu;  // a person whose id is assigned at year end
inline constexpr std::uint32_t kGone = 0xFFFFFFFFu;  // household slot of a person who left

// The traits byte: bit 0 sex (0 male, 1 female), bit 1 partnered (lives with their partner), bits
// 2-3 generation inside the household (0 = oldest present when the household was formed), and two
// facts of the last 1 January census that the year's person events read (set by
// settle_households, so that those events need not look up the household): bit 4 the person is
// of a generation that may leave the parental home, bit 5 the person lives alone.
struct Traits {
  static constexpr std::uint8_t kFemale = 1;
  static constexpr std::uint8_t kPartnered = 2;
  static constexpr int kGenerationShift = 2;
  static constexpr int kMaxGeneration = 3;
  static constexpr std::uint8_t kMayLeaveHome = 16;
  static constexpr std::uint8_t kLivesAlone = 32;
  static constexpr std::uint8_t kCensusFacts = kMayLeaveHome | kLivesAlone;

  static std::uint8_t make(int sex, bool partnered, int generation) {
    return static_cast<std::uint8_t>(sex | (partnered ? kPartnered : 0) |
                                     (generation << kGenerationShift));
  }
  static int sex(std::uint8_t t) { return t & kFemale; }
  static bool partnered(std::uint8_t t) { return (t & kPartnered) != 0; }
  static int generation(std::uint8_t t) { return (t >> kGenerationShift) & kMaxGeneration; }
};

// The cohort of a person (age reached on the next 1 January, 100 = open group).
inline int cohort_of(std::uint8_t age) {
  const int next = static_cast<std::uint8_t>(age + 1);
  return next < 100 ? next : 100;
}

struct DistrictAgents {
  // Persons.
  std::vector<std::uint32_t> id;
  std::vector<std::uint32_t> household;  // slot in the household arrays below; kGone once left
  std::vector<std::uint8_t> age;         // completed years on 1 January; 100 = 100 and over
  std::vector<std::uint8_t> traits;

  // Households: slots 0..size()-1. Between years (after compaction) none is empty.
  std::vector<std::uint16_t> household_size;
  std::vector<HouseholdType> household_type;  // as classified on the last 1 January

  std::size_t persons() const { return id.size(); }
  std::size_t households() const { return household_size.size(); }

  void add_person(std::uint32_t person_id, std::uint32_t slot, std::uint8_t person_age,
                  std::uint8_t person_traits) {
    id.push_back(person_id);
    household.push_back(slot);
    age.push_back(person_age);
    traits.push_back(person_traits);
  }
  // Appends `count` persons with one id and age at once (slots and traits 0, set by the caller);
  // returns the first one's index.
  std::size_t add_persons(std::size_t count, std::uint32_t person_id, std::uint8_t person_age) {
    const std::size_t first = persons();
    id.resize(first + count, person_id);
    household.resize(first + count);
    age.resize(first + count, person_age);
    traits.resize(first + count);
    return first;
  }
  std::uint32_t add_household() {
    household_size.push_back(0);
    household_type.push_back(HouseholdType::kOther);
    return static_cast<std::uint32_t>(household_size.size() - 1);
  }
  void reserve(std::size_t persons, std::size_t households) {
    id.reserve(persons);
    household.reserve(persons);
    age.reserve(persons);
    traits.reserve(persons);
    household_size.reserve(households);
    household_type.reserve(households);
  }

  // Bytes held per person by the person arrays (their element sizes).
  static constexpr std::size_t kBytesPerPerson = sizeof(std::uint32_t) * 2 + 2;
  static constexpr std::size_t kBytesPerHousehold = sizeof(std::uint16_t) + sizeof(HouseholdType);
};

}  // namespace wardsim::engine::agent
