#pragma once
// What the ward wants, in planners' terms: targets for a district set and a year range, and the
// facility terms (lead times, costs per place) that turn a shortfall into actions. Plain values:
// scenarios/ reads them from a targets file (docs/backcasting.md).

#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wardsim::models::backcast {

enum class TargetIndicator {
  ChildcareNoShortfall,         // every child of every age group in the districts has a place
  CarePlacesPer1000Aged75Plus,  // residential-care places per 1,000 people aged 75+ ≥ at_least
  SchoolClassSizeLimit,         // every class within the limit: classrooms ≥ classes needed
  WelfareShelterForAll,         // welfare-shelter places for everyone needing help to evacuate
  ChildShare0To14,  // share of children 0–14 in % of residents, in [at_least, at_most]
  WardTotal,        // residents of the districts in [at_least, at_most]
  PublishedPath,    // the ward total follows a published path of growth ratios
};

// The facility whose capacity a service target adds: a key into TargetSet::facilities.
bool is_service_target(TargetIndicator indicator);
std::string facility_of(TargetIndicator indicator);     // "childcare", "school", ...
std::string indicator_name(TargetIndicator indicator);  // the targets-file spelling

// A scenario key that a planner can turn (e.g. fertility.tfr), searched within [low, high].
struct Lever {
  std::string key;
  double low = 0.0;
  double high = 0.0;
};

// One point of a published path: the ward total in `year` divided by the total in the base year.
struct PathPoint {
  int year = 0;
  double ratio = 1.0;
};

struct Target {
  std::string name;
  TargetIndicator indicator = TargetIndicator::WardTotal;
  std::vector<int> districts;  // indices into the projection's districts
  int from_year = 0;           // inclusive
  int to_year = 0;             // inclusive
  double at_least = -std::numeric_limits<double>::infinity();
  double at_most = std::numeric_limits<double>::infinity();
  std::optional<Lever> lever;
  std::vector<PathPoint> path;  // PublishedPath only, years ascending, after the base year
};

// Lead times (years from the decision to the place in use) and costs per place of one facility.
struct FacilityTerms {
  int build_lead_time = 0;
  int temporary_lead_time = 0;
  int convert_lead_time = 0;
  double build_cost = 0.0;      // per place, once
  double temporary_cost = 0.0;  // per place and year in use
  double convert_cost = 0.0;    // per place converted from another service's surplus, once
};

// Surplus capacity of `from` that can serve `to` in the same district: one idle place of `from`
// gives `places_per_place` places of `to` (a classroom holds about 20 nursery places …).
struct Conversion {
  std::string from;
  std::string to;
  double places_per_place = 1.0;
};

struct TargetSet {
  std::string title;
  std::vector<Target> targets;
  std::map<std::string, FacilityTerms> facilities;  // "childcare", "school", "elderly_care", ...
  std::vector<Conversion> conversions;
  // Yearly rate at which the least-cost plan discounts costs to the base year (0: undiscounted).
  double discount_rate = 0.0;
  std::vector<std::string> assumptions;  // notes carried into the results' provenance
};

}  // namespace wardsim::models::backcast
