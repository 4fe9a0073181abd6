#pragma once
// Service parameters for the three-district fixture (three_districts()), with round values so
// that the tests can work out every expected number by hand. The values are quoted in the tests.

#include "wardsim/models/service_parameters.h"

namespace wardsim::models::testing {

// uptake {0.3, 0.5, 0.6}, multiplier {1.0, 1.1, 0.9};
// places: district 0 {50, 210, 400} (age 0 → 70 from 2026), district 1 {10, 0, 0},
// district 2 {0, 0, 30}.
ChildcareParameters example_childcare();

// public share {0.9, 0.7}, class-size limit {35, 35};
// classrooms: district 0 {30, 12} (elementary → 40 from 2027), districts 1 and 2 {0, 0}.
SchoolParameters example_school();

// Men: care_3 rate 0.1 in every band. Women: care_5 0.2 at 85-89, support_1 0.5 at 90+.
// Multiplier {1, 2, 3}; residential 0.5, home care 0.4, day care 0.25; 2 residents and 10
// community users per worker; places: district 0 260 (→ 700 from 2027), district 1 20,
// district 2 0.
ElderlyCareParameters example_elderly_care();

// Headship 0.5 (men) and 0.3 (women), single-person 0.2, in every band; 1.1 dwellings per
// household; 200 litres and 0.8 kg per person-day; evacuation help 0.3 at 75+, 0.05 at 1-74;
// welfare-shelter places {2400, 0, 10}; shelter places {20000, 100, 50}.
InfrastructureParameters example_infrastructure();

ServiceParameters example_parameters();

}  // namespace wardsim::models::testing
