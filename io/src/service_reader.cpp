#include "service_reader.h"

#include <algorithm>
#include <cstdint>
#include <iomanip>

#include "reader_support.h"
#include "results_layout.h"

namespace wardsim::io {
namespace {

bool is_part(const std::string& child) {
  return child == layout::kMarkers || child == layout::kDecomposition;
}

std::vector<std::string> strings_attribute(const h5::File& h5, const std::string& object,
                                           const std::string& name) {
  return h5.has_attribute(object, name) ? h5.read_strings_attribute(object, name)
                                        : std::vector<std::string>{};
}

models::Indicator read_indicator(const h5::File& h5, const std::string& path,
                                 const std::string& name, const engine::Dimensions& dims) {
  models::Indicator indicator;
  indicator.name = name;
  indicator.units = read_optional_string(h5, path, "units");
  indicator.description = read_optional_string(h5, path, "description");
  const auto dims_text = read_optional_string(h5, path, "dims");
  const std::string prefix = layout::kIndicatorDims;
  if (dims_text == prefix) {
    // no finer dimension
  } else if (dims_text.starts_with(prefix + ",") && dims_text.size() > prefix.size() + 1) {
    indicator.category_dim = dims_text.substr(prefix.size() + 1);
    indicator.category_labels = strings_attribute(h5, path, "category_labels");
    if (indicator.category_labels.empty()) {
      malformed(h5.label(), "dataset '" + path + "' has dims \"" + dims_text +
                                "\" but no 'category_labels' attribute");
    }
  } else {
    malformed(h5.label(), "dataset '" + path + "' has dims \"" + dims_text + "\", expected \"" +
                              prefix + "\" or \"" + prefix + ",<category>\"");
  }
  const auto years = static_cast<std::uint64_t>(dims.years());
  const auto districts = static_cast<std::uint64_t>(dims.district_count());
  h5::Shape shape{years, districts};
  if (!indicator.category_labels.empty()) shape.push_back(indicator.category_labels.size());
  require_shape(h5, path, shape);
  const auto values = h5.read_doubles(path);
  indicator.values.resize(static_cast<Eigen::Index>(years),
                          static_cast<Eigen::Index>(districts) * indicator.categories());
  std::copy(values.begin(), values.end(), indicator.values.data());
  return indicator;
}

std::vector<std::int32_t> read_district_ints(const h5::File& h5, const std::string& path,
                                             std::size_t districts) {
  require_shape(h5, path, {districts});
  return h5.read_ints(path);
}

std::vector<double> read_district_doubles(const h5::File& h5, const std::string& path,
                                          std::size_t districts) {
  require_shape(h5, path, {districts});
  return h5.read_doubles(path);
}

std::vector<models::DistrictMarkers> read_markers(const h5::File& h5, const std::string& group,
                                                  const engine::Dimensions& dims) {
  const auto districts = static_cast<std::size_t>(dims.district_count());
  const auto years = static_cast<std::size_t>(dims.years());
  const auto path = [&](const char* name) { return h5::join(group, name); };
  const auto first_shortfall = read_district_ints(h5, path("first_shortfall_year"), districts);
  const auto peak_year = read_district_ints(h5, path("peak_demand_year"), districts);
  const auto peak = read_district_doubles(h5, path("peak_demand"), districts);
  const auto largest = read_district_doubles(h5, path("largest_post_peak_surplus"), districts);
  const auto count = read_district_ints(h5, path("post_peak_surplus_years"), districts);
  require_shape(h5, path("post_peak_surplus_flag"), {years, districts});
  const auto flags = h5.read_ints(path("post_peak_surplus_flag"));

  std::vector<models::DistrictMarkers> markers(districts);
  for (std::size_t d = 0; d < districts; ++d) {
    auto& m = markers[d];
    m.first_shortfall_year = first_shortfall[d];
    m.peak_demand_year = peak_year[d];
    m.peak_demand = peak[d];
    m.largest_post_peak_surplus = largest[d];
    for (std::size_t y = 0; y < years; ++y) {
      if (flags[y * districts + d] != 0) {
        m.post_peak_surplus_years.push_back(dims.base_year + static_cast<int>(y));
      }
    }
    if (static_cast<std::size_t>(count[d]) != m.post_peak_surplus_years.size()) {
      malformed(h5.label(), "'" + path("post_peak_surplus_years") + "' counts " +
                                std::to_string(count[d]) + " years for district '" +
                                dims.districts[d].id + "' but post_peak_surplus_flag marks " +
                                std::to_string(m.post_peak_surplus_years.size()));
    }
  }
  return markers;
}

models::DemandDecomposition read_decomposition(const h5::File& h5, const std::string& group,
                                               const engine::Dimensions& dims) {
  models::DemandDecomposition decomposition;
  if (!h5.is_group(group)) return decomposition;
  decomposition.from_year = static_cast<int>(h5.read_int_attribute(group, "from_year"));
  decomposition.to_year = static_cast<int>(h5.read_int_attribute(group, "to_year"));
  if (h5.has_attribute(group, "quantity")) {
    decomposition.quantity = h5.read_string_attribute(group, "quantity");
  }
  const auto districts = static_cast<std::size_t>(dims.district_count());
  const auto read = [&](const char* name) {
    const auto values = read_district_doubles(h5, h5::join(group, name), districts);
    return Eigen::ArrayXd(
        Eigen::Map<const Eigen::ArrayXd>(values.data(), static_cast<Eigen::Index>(values.size())));
  };
  decomposition.total_change = read("total_change");
  decomposition.population_size = read("population_size");
  decomposition.age_structure = read("age_structure");
  decomposition.rates = read("rates");
  return decomposition;
}

}  // namespace

std::vector<models::ServiceResult> read_services_from(const h5::File& h5,
                                                      const std::string& scenario_group,
                                                      const engine::Dimensions& dims) {
  std::vector<models::ServiceResult> services;
  const auto root = h5::join(scenario_group, layout::kServices);
  if (!h5.is_group(root)) return services;
  for (const auto& name : h5.children(root)) {
    const auto group = h5::join(root, name);
    if (!h5.is_group(group)) continue;
    models::ServiceResult service;
    service.name = name;
    service.title = read_optional_string(h5, group, "title");
    service.description = read_optional_string(h5, group, "description");
    service.headline_demand = read_optional_string(h5, group, "headline_demand");
    service.headline_capacity = read_optional_string(h5, group, "headline_capacity");
    service.assumptions = strings_attribute(h5, group, "assumptions");
    for (const auto& child : h5.children(group)) {
      if (is_part(child)) continue;
      const auto path = h5::join(group, child);
      if (h5.is_dataset(path)) service.indicators.push_back(read_indicator(h5, path, child, dims));
    }
    const auto markers = h5::join(group, layout::kMarkers);
    if (!h5.is_group(markers)) malformed(h5.label(), "missing group '" + markers + "'");
    service.markers = read_markers(h5, markers, dims);
    service.decomposition = read_decomposition(h5, h5::join(group, layout::kDecomposition), dims);
    services.push_back(std::move(service));
  }
  return services;
}

void describe_services(const h5::File& h5, const std::string& scenario_group, std::ostream& out) {
  const auto root = h5::join(scenario_group, layout::kServices);
  if (!h5.is_group(root)) return;
  const auto names = h5.children(root);
  out << "  services: " << names.size() << "\n";
  for (const auto& name : names) {
    const auto group = h5::join(root, name);
    if (!h5.is_group(group)) continue;
    out << "    " << name;
    const auto title = read_optional_string(h5, group, "title");
    if (!title.empty()) out << " — " << title;
    out << " (headline: " << read_optional_string(h5, group, "headline_demand") << " vs "
        << read_optional_string(h5, group, "headline_capacity") << ")\n";

    std::vector<std::string> indicators;
    for (const auto& child : h5.children(group)) {
      if (!is_part(child) && h5.is_dataset(h5::join(group, child))) indicators.push_back(child);
    }
    std::size_t width = 0;
    for (const auto& indicator : indicators) width = std::max(width, indicator.size());
    for (const auto& indicator : indicators) {
      const auto path = h5::join(group, indicator);
      out << "      " << std::left << std::setw(static_cast<int>(width)) << indicator << std::right
          << "  " << shape_text(h5.shape(path));
      const auto dims_text = read_optional_string(h5, path, "dims");
      if (!dims_text.empty()) out << " (" << dims_text << ")";
      const auto units = read_optional_string(h5, path, "units");
      if (!units.empty()) out << " " << units;
      out << "\n";
    }
    std::string parts;
    if (h5.is_group(h5::join(group, layout::kMarkers))) parts = "markers";
    const auto decomposition = h5::join(group, layout::kDecomposition);
    if (h5.is_group(decomposition)) {
      parts += std::string(parts.empty() ? "" : ", ") + "decomposition " +
               std::to_string(h5.read_int_attribute(decomposition, "from_year")) + "→" +
               std::to_string(h5.read_int_attribute(decomposition, "to_year"));
    }
    if (!parts.empty()) out << "      + " << parts << " (per district)\n";
  }
}

}  // namespace wardsim::io
