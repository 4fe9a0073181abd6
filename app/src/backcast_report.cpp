#include "backcast_report.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include "number_format.h"

namespace wardsim::app {
namespace {

namespace bc = models::backcast;

constexpr std::size_t kShownUnits = 3;  // units named per decision year
constexpr std::size_t kShownYears = 4;  // decision years listed per target; the rest summed

std::string status_word(const std::string& status) {
  if (status == "met") return "MET";
  if (status == "needs_action") return "NEEDS ACTION";
  if (status == "too_late") return "CANNOT BE MET IN TIME";
  if (status == "infeasible") return "INFEASIBLE";
  if (status == "contradictory") return "CONTRADICTORY";
  return status;
}

// "decide by 2027: 120 places in 14 units (SE01/age_1_2 +12 for 2029, …)"
void print_decisions(const bc::ServiceTargetResult& result, std::ostream& out) {
  std::map<int, std::vector<const bc::Decision*>> by_year;
  for (const bc::Decision& decision : result.schedule.decisions) {
    by_year[decision.decide_by].push_back(&decision);
  }
  std::size_t shown = 0;
  double rest_places = 0.0;
  for (const auto& [year, decisions] : by_year) {
    double places = 0.0;
    for (const auto* decision : decisions) places += decision->places;
    if (shown++ >= kShownYears) {
      rest_places += places;
      continue;
    }
    out << "      decide by " << year << (decisions.front()->too_late ? " (passed)" : "") << ": "
        << thousands(places) << " " << result.need.units << " in " << decisions.size()
        << (decisions.size() == 1 ? " unit" : " units") << " (";
    for (std::size_t k = 0; k < std::min(kShownUnits, decisions.size()); ++k) {
      const bc::Decision& d = *decisions[k];
      out << (k == 0 ? "" : ", ") << result.need.unit_labels[static_cast<std::size_t>(d.unit)]
          << " +" << thousands(d.places) << " for " << d.need_year;
    }
    out << (decisions.size() > kShownUnits ? ", …)" : ")") << "\n";
  }
  if (by_year.size() > kShownYears) {
    out << "      then " << thousands(rest_places) << " " << result.need.units << " more, decided "
        << std::next(by_year.begin(), static_cast<std::ptrdiff_t>(kShownYears))->first << "-"
        << by_year.rbegin()->first << " (every decision is in the results file)\n";
  }
}

void print_surplus(const bc::ServiceTargetResult& result, std::ostream& out) {
  int units = 0;
  int first = 0;
  const bc::UnitSurplus* largest = nullptr;
  for (const bc::UnitSurplus& unit : result.surplus) {
    if (unit.first_surplus_year == 0) continue;
    ++units;
    first = first == 0 ? unit.first_surplus_year : std::min(first, unit.first_surplus_year);
    if (largest == nullptr || unit.largest_surplus > largest->largest_surplus) largest = &unit;
  }
  if (units == 0) return;
  out << "      after the peak: idle " << result.need.units << " in " << units << " of "
      << result.surplus.size() << " units from " << first << "; largest "
      << thousands(largest->largest_surplus) << " in "
      << result.need.unit_labels[static_cast<std::size_t>(largest->unit)] << " ("
      << largest->largest_surplus_year << ")\n";
}

}  // namespace

void print_backcast_report(const bc::BackcastReport& report, const engine::Dimensions& dims,
                           std::ostream& out) {
  const auto& targets = report.targets.targets;
  if (report.uncertainty.has_value()) {
    const bc::UncertaintyBasis& u = *report.uncertainty;
    out << "Under uncertainty: service capacity sized to meet demand with probability "
        << u.probability << ", from the " << (u.source == "agent" ? "agent" : "Monte Carlo")
        << " ensemble of scenario '" << u.ensemble_scenario << "' in " << u.ensemble_file << " ("
        << u.draws << (u.source == "agent" ? " replicates" : " draws") << ")\n\n";
  }
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const bc::Target& target = targets[t];
    const bc::TargetOutcome& outcome = report.outcomes[t];
    out << "[" << t + 1 << "] " << target.name << " (" << bc::indicator_name(target.indicator)
        << ", "
        << (static_cast<int>(target.districts.size()) == dims.district_count()
                ? std::string("all districts")
                : std::to_string(target.districts.size()) + " district(s)")
        << ", " << target.from_year;
    if (target.to_year != target.from_year) out << "-" << target.to_year;
    out << "): " << status_word(outcome.status) << "\n";
    for (const std::string& finding : outcome.findings) out << "    " << finding << "\n";
    for (const bc::ServiceTargetResult& result : report.services) {
      if (result.target != t) continue;
      if (report.uncertainty.has_value()) out << "    demand: " << result.demand_basis << "\n";
      print_decisions(result, out);
      print_surplus(result, out);
    }
  }

  if (!report.services.empty()) {
    out << "\nLeast-cost plan (GLPK, whole places): ";
    if (!report.least_cost.solved) {
      out << report.least_cost.status << "\n";
    } else {
      out << report.least_cost.status << ", total cost " << thousands(report.least_cost.cost)
          << "\n";
      for (std::size_t s = 0; s < report.services.size(); ++s) {
        const bc::ServicePlan& plan = report.least_cost.plans[s];
        const auto& result = report.services[s];
        out << "    " << left_padded(targets[result.target].name, 28) << " build "
            << padded(thousands(plan.build.sum()), 7) << ", temporary "
            << padded(thousands(plan.temporary.sum()), 7) << " place-years, convert "
            << padded(thousands(plan.convert.sum()), 6) << ", cost " << thousands(plan.cost);
        if (!plan.unmet_years.empty()) {
          out << "; unmet (lead times passed) in " << plan.unmet_years.front();
          if (plan.unmet_years.size() > 1) out << "-" << plan.unmet_years.back();
        }
        out << "\n";
      }
    }
  }

  if (!report.offers.empty()) {
    std::map<std::pair<std::string, std::string>, std::vector<const bc::ConversionOffer*>> pairs;
    for (const bc::ConversionOffer& offer : report.offers) {
      pairs[{offer.from, offer.to}].push_back(&offer);
    }
    out << "\nSurplus after the peak that could serve another service:\n";
    for (const auto& [pair, offers] : pairs) {
      int first = offers.front()->first_year;
      double total = 0.0;
      const bc::ConversionOffer* largest = offers.front();
      for (const auto* offer : offers) {
        first = std::min(first, offer->first_year);
        total += offer->largest_places;
        if (offer->largest_places > largest->largest_places) largest = offer;
      }
      out << "    " << pair.first << " → " << pair.second << ": " << offers.size()
          << " districts from " << first << ", up to " << thousands(total)
          << " places in all (most in "
          << dims.districts[static_cast<std::size_t>(largest->district)].id << ": "
          << thousands(largest->largest_places) << " in " << largest->largest_year << ")\n";
    }
  }
}

}  // namespace wardsim::app
