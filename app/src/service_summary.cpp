#include "service_summary.h"

#include <Eigen/Core>
#include <algorithm>
#include <string>
#include <vector>

#include "number_format.h"

namespace wardsim::app {
namespace {

constexpr std::size_t kShownDistricts = 8;  // districts with a shortfall listed by name
constexpr std::size_t kPerLine = 4;

// The ward's value of an indicator per year: the sum over districts and categories.
Eigen::ArrayXd ward_series(const models::Indicator& indicator) {
  return indicator.values.rowwise().sum();
}

struct Row {
  std::string title;
  std::string peak_year;
  std::string peak;
  std::string base_demand;
  std::string base_capacity;
  std::string base_shortfall;
  std::string units;
};

Row row_of(const models::ServiceResult& service, int base_year) {
  const auto& demand = service.indicator(service.headline_demand);
  const auto& capacity = service.indicator(service.headline_capacity);
  const Eigen::ArrayXd ward_demand = ward_series(demand);
  const Eigen::ArrayXd ward_capacity = ward_series(capacity);
  Row row{
      service.title.empty() ? service.name : service.title, "-", "-", "-", "-", "-", demand.units};
  if (capacity.units != demand.units) row.units += " / " + capacity.units;
  if (ward_demand.size() == 0) return row;
  Eigen::Index peak = 0;
  ward_demand.maxCoeff(&peak);  // the first year of the maximum
  row.peak_year = std::to_string(base_year + static_cast<int>(peak));
  row.peak = thousands(ward_demand(peak));
  row.base_demand = thousands(ward_demand(0));
  row.base_capacity = thousands(ward_capacity(0));
  // Demand without capacity, cell by cell: a surplus in one district or age group does not
  // cover a shortfall in another.
  if (capacity.values.cols() == demand.values.cols()) {
    row.base_shortfall = thousands((demand.values.row(0) - capacity.values.row(0)).max(0.0).sum());
  }
  return row;
}

void print_shortfalls(const models::ServiceResult& service, const std::string& title,
                      const engine::Dimensions& dims, std::ostream& out) {
  struct Shortfall {
    int year;
    std::size_t district;
  };
  std::vector<Shortfall> shortfalls;
  for (std::size_t d = 0; d < service.markers.size() && d < dims.districts.size(); ++d) {
    const int year = service.markers[d].first_shortfall_year;
    if (year != 0) shortfalls.push_back({year, d});
  }
  std::stable_sort(shortfalls.begin(), shortfalls.end(),
                   [](const Shortfall& a, const Shortfall& b) { return a.year < b.year; });
  out << "  " << title << ": ";
  if (shortfalls.empty()) {
    out << "none\n";
    return;
  }
  out << shortfalls.size() << (shortfalls.size() == 1 ? " district\n" : " districts\n");

  std::vector<std::string> cells;
  for (std::size_t i = 0; i < shortfalls.size() && i < kShownDistricts; ++i) {
    const auto& district = dims.districts[shortfalls[i].district];
    const auto& name = district.name_en.empty() ? district.id : district.name_en;
    cells.push_back(name + " " + std::to_string(shortfalls[i].year));
  }
  std::size_t width = 0;
  for (const auto& cell : cells) width = std::max(width, text_width(cell));
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const bool line_end = (i + 1) % kPerLine == 0 || i + 1 == cells.size();
    out << (i % kPerLine == 0 ? "    " : "")
        << (line_end ? cells[i] : left_padded(cells[i], width + 3)) << (line_end ? "\n" : "");
  }
  if (shortfalls.size() > kShownDistricts) {
    out << "    … and " << shortfalls.size() - kShownDistricts << " more\n";
  }
}

}  // namespace

void print_service_summary(const std::vector<models::ServiceResult>& services,
                           const engine::Dimensions& dims, std::ostream& out) {
  if (services.empty()) return;
  const std::string base = std::to_string(dims.base_year);
  std::vector<Row> rows;
  for (const auto& service : services) rows.push_back(row_of(service, dims.base_year));

  std::size_t title_width = 7;
  for (const auto& row : rows) title_width = std::max(title_width, text_width(row.title));
  constexpr std::size_t kYear = 6, kPeak = 11, kDemand = 13, kCapacity = 10, kShortfall = 11;

  out << "Services: ward totals over " << dims.district_count()
      << " districts (shortfall: unmet demand per district and category)\n";
  out << "  " << left_padded("Service", title_width) << padded("peak", kYear)
      << padded("at peak", kPeak) << padded(base + " demand", kDemand)
      << padded("capacity", kCapacity) << padded("shortfall", kShortfall) << "  units\n";
  for (const auto& row : rows) {
    out << "  " << left_padded(row.title, title_width) << padded(row.peak_year, kYear)
        << padded(row.peak, kPeak) << padded(row.base_demand, kDemand)
        << padded(row.base_capacity, kCapacity) << padded(row.base_shortfall, kShortfall) << "  "
        << row.units << "\n";
  }

  out << "\nDistricts with a shortfall (first year of shortfall)\n";
  for (std::size_t s = 0; s < services.size(); ++s) {
    print_shortfalls(services[s], rows[s].title, dims, out);
  }
}

}  // namespace wardsim::app
