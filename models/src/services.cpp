#include "wardsim/models/services.h"

namespace wardsim::models {

std::vector<ServiceResult> compute_services(const engine::Projection& projection,
                                            const ServiceParameters& parameters) {
  std::vector<ServiceResult> services;
  services.push_back(childcare_demand(projection, parameters.childcare));
  services.push_back(school_demand(projection, parameters.school));
  services.push_back(elderly_care_demand(projection, parameters.elderly_care));
  services.push_back(infrastructure_demand(projection, parameters.infrastructure));
  return services;
}

}  // namespace wardsim::models
