#pragma once
// Reads back what the writer wrote with HDF5's own API, independently of io/'s h5_util, so the
// layout tests check the file and not our reader.

#include <H5Cpp.h>

#include <string>
#include <vector>

namespace wardsim::io::testing {

inline std::vector<hsize_t> shape_of(const H5::DataSet& dataset) {
  const auto space = dataset.getSpace();
  std::vector<hsize_t> dims(static_cast<std::size_t>(space.getSimpleExtentNdims()));
  space.getSimpleExtentDims(dims.data());
  return dims;
}

inline std::string string_attribute(const H5::H5Object& object, const std::string& name) {
  const auto attribute = object.openAttribute(name);
  std::string value;
  attribute.read(attribute.getStrType(), value);
  return value;
}

}  // namespace wardsim::io::testing
