#include "wardsim/models/backcast/service_need.h"

#include <cmath>
#include <stdexcept>

#include "wardsim/engine/population_queries.h"

namespace wardsim::models::backcast {
namespace {

const ServiceResult& service_named(const std::vector<ServiceResult>& services,
                                   const std::string& name) {
  for (const ServiceResult& service : services) {
    if (service.name == name) return service;
  }
  throw std::invalid_argument("no '" + name + "' service among the computed services");
}

// Copies the chosen districts' columns of two indicators (all their categories) into the need.
void take_columns(const Indicator& demand, const Indicator& capacity, const Target& target,
                  const engine::Dimensions& dims, ServiceNeed& need) {
  const int categories = demand.categories();
  const auto units = static_cast<Eigen::Index>(target.districts.size()) * categories;
  need.demand.resize(demand.values.rows(), units);
  need.capacity.resize(demand.values.rows(), units);
  Eigen::Index unit = 0;
  for (int d : target.districts) {
    for (int c = 0; c < categories; ++c, ++unit) {
      const Eigen::Index column = static_cast<Eigen::Index>(d) * categories + c;
      need.demand.col(unit) = demand.values.col(column);
      need.capacity.col(unit) = capacity.values.col(column);
      const std::string& id = dims.districts[static_cast<std::size_t>(d)].id;
      need.unit_labels.push_back(
          categories == 1 ? id : id + "/" + demand.category_labels[static_cast<std::size_t>(c)]);
      need.unit_district.push_back(d);
    }
  }
}

}  // namespace

double ServiceNeed::shortfall(int year_index, int unit) const {
  const double missing = demand(year_index, unit) - capacity(year_index, unit);
  // Tiny float noise must not cost a whole place.
  return missing > 1e-9 ? std::ceil(missing - 1e-9) : 0.0;
}

ServiceNeed service_need(const Target& target, const std::vector<ServiceResult>& services,
                         const engine::Projection& projection) {
  const auto& dims = projection.dims;
  ServiceNeed need;
  need.facility = facility_of(target.indicator);
  need.base_year = dims.base_year;
  switch (target.indicator) {
    case TargetIndicator::ChildcareNoShortfall: {
      const ServiceResult& s = service_named(services, "childcare");
      need.units = "places";
      take_columns(s.indicator("demand"), s.indicator("capacity"), target, dims, need);
      break;
    }
    case TargetIndicator::SchoolClassSizeLimit: {
      const ServiceResult& s = service_named(services, "school");
      need.units = "classrooms";
      take_columns(s.indicator("classrooms_needed"), s.indicator("classrooms"), target, dims, need);
      break;
    }
    case TargetIndicator::WelfareShelterForAll: {
      const ServiceResult& s = service_named(services, "infrastructure");
      need.units = "places";
      take_columns(s.indicator("evacuation_help_needed"), s.indicator("welfare_shelter_places"),
                   target, dims, need);
      break;
    }
    case TargetIndicator::CarePlacesPer1000Aged75Plus: {
      const ServiceResult& s = service_named(services, "elderly_care");
      need.units = "places";
      const Indicator& places = s.indicator("residential_places");
      take_columns(places, places, target, dims, need);
      // The places the ratio asks for: at_least per 1,000 residents aged 75+ of the district.
      for (int i = 0; i < dims.years(); ++i) {
        for (std::size_t u = 0; u < target.districts.size(); ++u) {
          const double aged = engine::count_ages(projection.population[static_cast<std::size_t>(i)],
                                                 target.districts[u], 75, engine::kOpenAge);
          need.demand(i, static_cast<Eigen::Index>(u)) = target.at_least * aged / 1000.0;
        }
      }
      break;
    }
    default:
      throw std::invalid_argument("target '" + target.name + "' (" +
                                  indicator_name(target.indicator) + ") is not a service target");
  }
  return need;
}

}  // namespace wardsim::models::backcast
