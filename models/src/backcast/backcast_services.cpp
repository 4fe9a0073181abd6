#include <iomanip>
#include <sstream>

#include "wardsim/models/backcast/backcast_report.h"

namespace wardsim::models::backcast {
namespace {

std::string district_list(const ServiceNeed& need, const std::vector<Decision>& decisions) {
  std::ostringstream text;
  int shown = 0;
  for (const Decision& decision : decisions) {
    if (!decision.too_late) continue;
    if (shown++ == 3) {
      text << ", …";
      break;
    }
    text << (shown > 1 ? ", " : "") << need.unit_labels[static_cast<std::size_t>(decision.unit)]
         << " " << decision.need_year;
  }
  return text.str();
}

TargetOutcome service_outcome(const Target& target, const ServiceTargetResult& result) {
  TargetOutcome outcome;
  const CapacitySchedule& schedule = result.schedule;
  if (schedule.decisions.empty()) {
    outcome.status = "met";
    return outcome;
  }
  outcome.status = schedule.any_too_late() ? "too_late" : "needs_action";
  std::ostringstream text;
  text << std::fixed << std::setprecision(0) << schedule.total_places() << " " << result.need.units
       << " to add over " << target.from_year << "-" << target.to_year << " in "
       << schedule.decisions.size() << " decisions (lead time " << schedule.lead_time << " years)";
  outcome.findings.push_back(text.str());
  if (schedule.any_too_late()) {
    std::ostringstream late;
    late << "cannot be met before " << schedule.earliest_feasible_year
         << ": the decisions had to be taken before the base year " << result.need.base_year << " ("
         << district_list(result.need, schedule.decisions) << ")";
    outcome.findings.push_back(late.str());
  }
  const double transient = schedule.transient.rowwise().sum().maxCoeff();
  if (transient > 0.0) {
    std::ostringstream text2;
    text2 << std::fixed << std::setprecision(0) << "up to " << transient << " " << result.need.units
          << " are needed only for a while (idle again before " << target.to_year
          << "): temporary or convertible capacity";
    outcome.findings.push_back(text2.str());
  }
  return outcome;
}

}  // namespace

void backcast_services(const TargetSet& targets, const std::vector<ServiceResult>& services,
                       const engine::Projection& projection, BackcastReport& report,
                       const NeedUnderUncertainty& under_uncertainty) {
  report.targets = targets;
  report.outcomes.assign(targets.targets.size(), {});
  report.services.clear();
  report.services.reserve(targets.targets.size());
  for (std::size_t t = 0; t < targets.targets.size(); ++t) {
    const Target& target = targets.targets[t];
    if (!is_service_target(target.indicator)) continue;
    ServiceTargetResult result;
    result.target = t;
    result.need = service_need(target, services, projection);
    if (under_uncertainty) result.demand_basis = under_uncertainty(target, result.need);
    const FacilityTerms terms = targets.facilities.at(result.need.facility);
    result.schedule = least_capacity_schedule(result.need, target.from_year, target.to_year,
                                              terms.build_lead_time);
    result.surplus = post_peak_surplus(result.need, result.schedule.added);
    report.outcomes[t] = service_outcome(target, result);
    report.services.push_back(std::move(result));
  }

  // Idle places after the peak (with the schedule built) that could serve another service.
  const int districts = projection.dims.district_count();
  std::vector<DonorSurplus> donors;
  report.offers.clear();
  for (const Conversion& conversion : targets.conversions) {
    for (const ServiceTargetResult& donor : report.services) {
      if (donor.need.facility != conversion.from) continue;
      const Eigen::ArrayXXd idle = district_surplus(donor.need, donor.schedule.added, districts);
      int ward_peak = 0;
      donor.need.demand.rowwise().sum().maxCoeff(&ward_peak);
      for (int d = 0; d < districts; ++d) {
        ConversionOffer offer{.from = conversion.from, .to = conversion.to, .district = d};
        for (int i = ward_peak + 1; i < donor.need.year_count(); ++i) {
          const double places = idle(d, i) * conversion.places_per_place;
          if (places <= 0.0) continue;
          if (offer.first_year == 0) offer.first_year = donor.need.base_year + i;
          if (places > offer.largest_places) {
            offer.largest_places = places;
            offer.largest_year = donor.need.base_year + i;
          }
        }
        if (offer.first_year != 0) report.offers.push_back(offer);
      }
      // The least-cost plan converts only places idle under the scenario's own capacity.
      donors.push_back(
          {conversion.from,
           district_surplus(donor.need,
                            Eigen::ArrayXXd::Zero(donor.need.year_count(), donor.need.unit_count()),
                            districts)});
    }
  }

  report.plan_requests.clear();
  for (const ServiceTargetResult& result : report.services) {
    const Target& target = targets.targets[result.target];
    report.plan_requests.push_back({&result.need, target.from_year, target.to_year,
                                    targets.facilities.at(result.need.facility),
                                    targets.discount_rate});
  }
  report.least_cost = least_cost_plan(report.plan_requests, targets.conversions, donors);
}

}  // namespace wardsim::models::backcast
