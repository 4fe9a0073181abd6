#pragma once
// Service demand, capacity and gap per district and year: pure functions of a projection.

#include <vector>

#include "wardsim/engine/projection.h"
#include "wardsim/models/service_parameters.h"
#include "wardsim/models/service_result.h"

namespace wardsim::models {

ServiceResult childcare_demand(const engine::Projection& projection, const ChildcareParameters& p);
ServiceResult school_demand(const engine::Projection& projection, const SchoolParameters& p);
ServiceResult elderly_care_demand(const engine::Projection& projection,
                                  const ElderlyCareParameters& p);
ServiceResult infrastructure_demand(const engine::Projection& projection,
                                    const InfrastructureParameters& p);

// All four, in that order.
std::vector<ServiceResult> compute_services(const engine::Projection& projection,
                                            const ServiceParameters& parameters);

}  // namespace wardsim::models
