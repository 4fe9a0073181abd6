#pragma once
// Reads datasets and attributes straight through HDF5's C++ API, for tests that check what a
// command wrote independently of wardsim's own readers.

#include <H5Cpp.h>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace wardsim::test_support {

// Every value of a dataset of any shape, in row-major order.
inline std::vector<double> read_doubles(const std::filesystem::path& file,
                                        const std::string& path) {
  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  H5::DataSet dataset = h5.openDataSet(path);
  std::vector<double> values(static_cast<std::size_t>(dataset.getSpace().getSimpleExtentNpoints()));
  dataset.read(values.data(), H5::PredType::NATIVE_DOUBLE);
  return values;
}

inline std::vector<int> read_ints(const std::filesystem::path& file, const std::string& path) {
  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  H5::DataSet dataset = h5.openDataSet(path);
  std::vector<int> values(static_cast<std::size_t>(dataset.getSpace().getSimpleExtentNpoints()));
  dataset.read(values.data(), H5::PredType::NATIVE_INT);
  return values;
}

// A 1-D dataset of variable-length strings.
inline std::vector<std::string> read_strings(const std::filesystem::path& file,
                                             const std::string& path) {
  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  H5::DataSet dataset = h5.openDataSet(path);
  std::vector<char*> pointers(
      static_cast<std::size_t>(dataset.getSpace().getSimpleExtentNpoints()));
  dataset.read(pointers.data(), dataset.getStrType());
  std::vector<std::string> values(pointers.begin(), pointers.end());
  H5Dvlen_reclaim(dataset.getStrType().getId(), dataset.getSpace().getId(), H5P_DEFAULT,
                  pointers.data());
  return values;
}

inline std::string string_attribute(const std::filesystem::path& file, const std::string& object,
                                    const std::string& name) {
  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  const H5::Attribute attribute = h5.openGroup(object).openAttribute(name);
  std::string value;
  attribute.read(attribute.getStrType(), value);
  return value;
}

inline double double_attribute(const std::filesystem::path& file, const std::string& object,
                               const std::string& name) {
  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  double value = 0.0;
  h5.openGroup(object).openAttribute(name).read(H5::PredType::NATIVE_DOUBLE, &value);
  return value;
}

}  // namespace wardsim::test_support
