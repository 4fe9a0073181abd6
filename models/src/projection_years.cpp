#include "projection_years.h"

#include <string>

#include "wardsim/error.h"

namespace wardsim::models {

int year_index(const engine::Dimensions& dims, int year) {
  if (year < dims.base_year || year > dims.end_year) {
    throw InputError({"year " + std::to_string(year) + " is outside the projection " +
                      std::to_string(dims.base_year) + "–" + std::to_string(dims.end_year)});
  }
  return year - dims.base_year;
}

}  // namespace wardsim::models
