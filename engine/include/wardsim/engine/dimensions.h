#pragma once
// The named dimensions of every projection: year × district × sex × single year of age.

#include <Eigen/Core>
#include <string>
#include <vector>

namespace wardsim::engine {

inline constexpr int kSexes = 2;  // index 0 = male, 1 = female
inline constexpr int kMale = 0;
inline constexpr int kFemale = 1;
inline constexpr int kAges = 101;              // 0..99 and the open group 100+
inline constexpr int kOpenAge = kAges - 1;     // index of 100+
inline constexpr int kCells = kSexes * kAges;  // sex × age cells of one district

// Column of a (sex, age) cell inside one district's row.
constexpr int cell(int sex, int age) { return sex * kAges + age; }

const char* sex_name(int sex);

// A district: the unit the ward plans by. Labels are carried through the engine untouched so
// that every result stays self-describing.
struct District {
  std::string id;       // stable key, e.g. "SE01"
  std::string name_ja;  // 池尻
  std::string name_en;  // Ikejiri
  std::string region_ja;
  std::string region_en;
};

struct Dimensions {
  int base_year = 0;  // population snapshot on 1 January of base_year
  int end_year = 0;   // last snapshot, 1 January of end_year
  std::vector<District> districts;

  int years() const { return end_year - base_year + 1; }  // population snapshots
  int steps() const { return end_year - base_year; }      // annual steps (flow years)
  int district_count() const { return static_cast<int>(districts.size()); }
};

// One year's counts for every district: row = district, column = cell(sex, age).
// Row-major so that a district's cells are contiguous, matching [district][sex][age] on disk.
using DistrictCube = Eigen::Array<double, Eigen::Dynamic, kCells, Eigen::RowMajor>;

// A schedule by sex and age (row = sex, column = age).
using SexAgeSchedule = Eigen::Array<double, kSexes, kAges, Eigen::RowMajor>;

// Counts by district and sex (row = district, column = sex).
using DistrictSexTable = Eigen::Array<double, Eigen::Dynamic, kSexes, Eigen::RowMajor>;

}  // namespace wardsim::engine
