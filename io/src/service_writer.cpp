#include "service_writer.h"

#include <algorithm>
#include <cstdint>
#include <set>

#include "results_layout.h"

namespace wardsim::io {
namespace {

bool valid_name(const std::string& name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos;
}

std::string dims_of(const models::Indicator& indicator) {
  std::string dims = layout::kIndicatorDims;
  if (!indicator.category_labels.empty()) dims += "," + indicator.category_dim;
  return dims;
}

void check_indicator(const models::Indicator& indicator, const engine::Dimensions& dims,
                     const std::string& who, std::vector<std::string>& problems) {
  const std::string where = who + " indicator '" + indicator.name + "'";
  const auto years = static_cast<Eigen::Index>(dims.years());
  const auto districts = static_cast<Eigen::Index>(dims.district_count());
  const auto columns = districts * indicator.categories();
  if (indicator.values.rows() != years || indicator.values.cols() != columns) {
    std::string expected = std::to_string(years) + " x " + std::to_string(columns) + " (years " +
                           std::to_string(dims.base_year) + ".." + std::to_string(dims.end_year) +
                           " x " + std::to_string(districts) + " districts";
    if (!indicator.category_labels.empty()) {
      expected += " x " + std::to_string(indicator.categories()) + " " + indicator.category_dim;
    }
    problems.push_back(where + " has values of " + std::to_string(indicator.values.rows()) + " x " +
                       std::to_string(indicator.values.cols()) + ", expected " + expected + ")");
  }
  if (!indicator.category_labels.empty() && !valid_name(indicator.category_dim)) {
    problems.push_back(where + " has category labels but no valid category_dim name");
  }
  if (indicator.category_labels.empty() && !indicator.category_dim.empty()) {
    problems.push_back(where + " names category_dim '" + indicator.category_dim +
                       "' but has no category labels");
  }
  if (indicator.category_dim.find(',') != std::string::npos) {
    problems.push_back(where + " has a category_dim containing ','");
  }
  std::set<std::string> labels;
  for (const auto& label : indicator.category_labels) {
    if (!labels.insert(label).second) {
      problems.push_back(where + " repeats the category label '" + label + "'");
    }
  }
  if (indicator.units.empty()) problems.push_back(where + " has no units");
}

void check_markers(const models::ServiceResult& service, const engine::Dimensions& dims,
                   const std::string& who, std::vector<std::string>& problems) {
  const auto districts = static_cast<std::size_t>(dims.district_count());
  if (service.markers.size() != districts) {
    problems.push_back(who + " has markers for " + std::to_string(service.markers.size()) +
                       " districts, expected " + std::to_string(districts));
    return;
  }
  for (std::size_t d = 0; d < districts; ++d) {
    for (int year : service.markers[d].post_peak_surplus_years) {
      if (year < dims.base_year || year > dims.end_year) {
        problems.push_back(who + " markers of district '" + dims.districts[d].id +
                           "' list post-peak surplus year " + std::to_string(year) +
                           " outside the years " + std::to_string(dims.base_year) + ".." +
                           std::to_string(dims.end_year));
        return;
      }
    }
  }
}

void check_decomposition(const models::DemandDecomposition& decomposition,
                         const engine::Dimensions& dims, const std::string& who,
                         std::vector<std::string>& problems) {
  const auto districts = static_cast<Eigen::Index>(dims.district_count());
  const std::pair<const char*, const Eigen::ArrayXd*> parts[] = {
      {"total_change", &decomposition.total_change},
      {"population_size", &decomposition.population_size},
      {"age_structure", &decomposition.age_structure},
      {"rates", &decomposition.rates}};
  for (const auto& [name, values] : parts) {
    if (values->size() != districts) {
      problems.push_back(who + " decomposition " + name + " has " + std::to_string(values->size()) +
                         " values, expected " + std::to_string(districts) + " (one per district)");
    }
  }
}

bool has_no_decomposition(const models::DemandDecomposition& decomposition) {
  return decomposition.total_change.size() == 0 && decomposition.population_size.size() == 0 &&
         decomposition.age_structure.size() == 0 && decomposition.rates.size() == 0;
}

const models::Indicator* find_indicator(const models::ServiceResult& service,
                                        const std::string& name) {
  for (const auto& indicator : service.indicators) {
    if (indicator.name == name) return &indicator;
  }
  return nullptr;
}

// ---- writing ----

std::vector<double> to_vector(const Eigen::ArrayXd& values) {
  return {values.data(), values.data() + values.size()};
}

void write_indicator(h5::File& h5, const std::string& group, const models::Indicator& indicator,
                     std::uint64_t years, std::uint64_t districts) {
  const std::string path = h5::join(group, indicator.name);
  h5::Shape shape{years, districts};
  if (!indicator.category_labels.empty()) shape.push_back(indicator.category_labels.size());
  // IndicatorValues is row-major [year][district * categories + category] = [year][district][cat].
  h5.write_doubles(path, shape,
                   {indicator.values.data(), static_cast<std::size_t>(indicator.values.size())});
  h5.write_string_attribute(path, "units", indicator.units);
  h5.write_string_attribute(path, "description", indicator.description);
  h5.write_string_attribute(path, "dims", dims_of(indicator));
  if (!indicator.category_labels.empty()) {
    h5.write_strings_attribute(path, "category_labels", indicator.category_labels);
  }
}

void describe(h5::File& h5, const std::string& path, const std::string& units,
              const std::string& description, const char* dims = layout::kDistrictDims) {
  h5.write_string_attribute(path, "dims", dims);
  if (!units.empty()) h5.write_string_attribute(path, "units", units);
  h5.write_string_attribute(path, "description", description);
}

void write_markers(h5::File& h5, const std::string& group, const models::ServiceResult& service,
                   int base_year, std::uint64_t years) {
  const std::string markers = h5::join(group, layout::kMarkers);
  h5.create_group(markers, /*track_order=*/true);
  const auto* demand = find_indicator(service, service.headline_demand);
  const auto* capacity = find_indicator(service, service.headline_capacity);
  const std::string demand_units = demand != nullptr ? demand->units : "";
  const std::string capacity_units = capacity != nullptr ? capacity->units : "";

  const auto districts = service.markers.size();
  std::vector<std::int32_t> first_shortfall, peak_year, surplus_count, surplus_first;
  std::vector<double> peak, largest_surplus;
  std::vector<std::int32_t> flags(years * districts, 0);
  for (std::size_t d = 0; d < districts; ++d) {
    const auto& m = service.markers[d];
    first_shortfall.push_back(m.first_shortfall_year);
    peak_year.push_back(m.peak_demand_year);
    peak.push_back(m.peak_demand);
    surplus_count.push_back(static_cast<std::int32_t>(m.post_peak_surplus_years.size()));
    surplus_first.push_back(m.post_peak_surplus_years.empty()
                                ? 0
                                : *std::min_element(m.post_peak_surplus_years.begin(),
                                                    m.post_peak_surplus_years.end()));
    largest_surplus.push_back(m.largest_post_peak_surplus);
    for (int year : m.post_peak_surplus_years) {
      flags[static_cast<std::size_t>(year - base_year) * districts + d] = 1;
    }
  }
  const auto write_ints = [&](const char* name, const std::vector<std::int32_t>& values,
                              const std::string& description) {
    const auto path = h5::join(markers, name);
    h5.write_ints(path, values);
    describe(h5, path, "", description);
  };
  const auto write_doubles = [&](const char* name, const std::vector<double>& values,
                                 const std::string& units, const std::string& description) {
    const auto path = h5::join(markers, name);
    h5.write_doubles(path, {values.size()}, values);
    describe(h5, path, units, description);
  };
  const std::string pair = "'" + service.headline_demand + "' vs '" + service.headline_capacity +
                           "' of the district, as the model defines it";
  write_ints("first_shortfall_year", first_shortfall,
             "first year with a shortfall (" + pair + "); 0 = never");
  write_ints("peak_demand_year", peak_year,
             "year of the highest '" + service.headline_demand + "' (summed over categories)");
  write_doubles("peak_demand", peak, demand_units,
                "highest '" + service.headline_demand + "' (summed over categories)");
  write_ints("post_peak_surplus_years", surplus_count,
             "number of years after the peak with idle capacity (" + pair +
                 "); the years are flagged in post_peak_surplus_flag");
  write_ints("post_peak_surplus_first_year", surplus_first,
             "first year after the peak with idle capacity; 0 = none");
  write_doubles("largest_post_peak_surplus", largest_surplus, capacity_units,
                "capacity minus demand at its largest after the peak (" + pair + ")");
  const auto flag_path = h5::join(markers, "post_peak_surplus_flag");
  h5.write_ints(flag_path, {years, districts}, flags);
  describe(h5, flag_path, "",
           "1 = the year is after the peak and has idle capacity (" + pair + "), else 0",
           layout::kFlagDims);
}

void write_decomposition(h5::File& h5, const std::string& group,
                         const models::ServiceResult& service) {
  const auto& decomposition = service.decomposition;
  if (has_no_decomposition(decomposition)) return;
  const std::string path = h5::join(group, layout::kDecomposition);
  h5.create_group(path, /*track_order=*/true);
  h5.write_int_attribute(path, "from_year", decomposition.from_year);
  h5.write_int_attribute(path, "to_year", decomposition.to_year);
  // The decomposed quantity is the headline demand unless the model names another (schools
  // decompose public pupils, since class counts with ceilings are not a product of rates).
  const std::string& quantity =
      decomposition.quantity.empty() ? service.headline_demand : decomposition.quantity;
  h5.write_string_attribute(path, "quantity", quantity);
  const auto* demand = find_indicator(service, quantity);
  const std::string units = demand != nullptr ? demand->units : "";
  const std::string change = "change of '" + quantity + "' from " +
                             std::to_string(decomposition.from_year) + " to " +
                             std::to_string(decomposition.to_year);
  const std::pair<const char*, std::pair<const Eigen::ArrayXd*, std::string>> parts[] = {
      {"total_change", {&decomposition.total_change, change + " (= the sum of the three effects)"}},
      {"population_size",
       {&decomposition.population_size, "part of the " + change + " due to the population's size"}},
      {"age_structure",
       {&decomposition.age_structure,
        "part of the " + change + " due to its age and sex structure"}},
      {"rates", {&decomposition.rates, "part of the " + change + " due to the rates of use"}}};
  for (const auto& [name, part] : parts) {
    const auto dataset = h5::join(path, name);
    const auto values = to_vector(*part.first);
    h5.write_doubles(dataset, {values.size()}, values);
    describe(h5, dataset, units, part.second);
    h5.write_int_attribute(dataset, "from_year", decomposition.from_year);
    h5.write_int_attribute(dataset, "to_year", decomposition.to_year);
  }
}

}  // namespace

void check_services(const std::vector<models::ServiceResult>& services,
                    const engine::Dimensions& dims, const std::string& who,
                    std::vector<std::string>& problems) {
  std::set<std::string> names;
  for (std::size_t s = 0; s < services.size(); ++s) {
    const auto& service = services[s];
    const std::string where = who + (service.name.empty() ? " service #" + std::to_string(s + 1)
                                                          : " service '" + service.name + "'");
    if (!valid_name(service.name)) {
      problems.push_back(where + ": the name is empty or cannot name an HDF5 group");
    } else if (!names.insert(service.name).second) {
      problems.push_back(where + " appears more than once");
    }
    std::set<std::string> indicators;
    for (const auto& indicator : service.indicators) {
      if (!valid_name(indicator.name)) {
        problems.push_back(where + " has an indicator named '" + indicator.name +
                           "', which cannot name an HDF5 dataset");
      } else if (indicator.name == layout::kMarkers || indicator.name == layout::kDecomposition) {
        problems.push_back(where + " has an indicator named '" + indicator.name +
                           "', a name reserved for the " + indicator.name + " group");
      } else if (!indicators.insert(indicator.name).second) {
        problems.push_back(where + " has more than one indicator named '" + indicator.name + "'");
      }
      check_indicator(indicator, dims, where, problems);
    }
    for (const auto* role : {&service.headline_demand, &service.headline_capacity}) {
      if (find_indicator(service, *role) == nullptr) {
        problems.push_back(where + ": headline indicator '" + *role + "' is not among its " +
                           std::to_string(service.indicators.size()) + " indicators");
      }
    }
    check_markers(service, dims, where, problems);
    if (!has_no_decomposition(service.decomposition)) {
      check_decomposition(service.decomposition, dims, where, problems);
    }
  }
}

void write_services(h5::File& h5, const std::string& scenario_group, const engine::Dimensions& dims,
                    const std::vector<models::ServiceResult>& services) {
  const auto years = static_cast<std::uint64_t>(dims.years());
  const auto districts = static_cast<std::uint64_t>(dims.district_count());
  const std::string root = h5::join(scenario_group, layout::kServices);
  h5.create_group(root, /*track_order=*/true);
  for (const auto& service : services) {
    const std::string group = h5::join(root, service.name);
    h5.create_group(group, /*track_order=*/true);
    h5.write_string_attribute(group, "title", service.title);
    h5.write_string_attribute(group, "description", service.description);
    h5.write_string_attribute(group, "headline_demand", service.headline_demand);
    h5.write_string_attribute(group, "headline_capacity", service.headline_capacity);
    h5.write_strings_attribute(group, "assumptions", service.assumptions);
    for (const auto& indicator : service.indicators) {
      write_indicator(h5, group, indicator, years, districts);
    }
    write_markers(h5, group, service, dims.base_year, years);
    write_decomposition(h5, group, service);
  }
}

}  // namespace wardsim::io
