#include "h5_util.h"

#include <H5Epublic.h>
#include <H5Gpublic.h>
#include <H5Lpublic.h>
#include <H5Ppublic.h>
#include <H5Zpublic.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "wardsim/error.h"

namespace wardsim::io::h5 {
namespace {

// The innermost message of the last HDF5 error stack seen on this thread.
thread_local std::string t_last_error;

herr_t keep_innermost(unsigned /*n*/, const H5E_error2_t* error, void* client_data) {
  auto* innermost = static_cast<std::string*>(client_data);
  if (error != nullptr && error->desc != nullptr && error->desc[0] != '\0')
    *innermost = error->desc;
  return 0;
}

// Replaces HDF5's automatic error printing: record the message, print nothing.
herr_t record_error(hid_t stack, void* /*client_data*/) {
  std::string innermost;
  H5Ewalk2(stack, H5E_WALK_DOWNWARD, keep_innermost, &innermost);
  t_last_error = innermost;
  return 0;
}

void install_error_handler() { H5Eset_auto2(H5E_DEFAULT, record_error, nullptr); }

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& what,
                       const H5::Exception& error) {
  std::string why = t_last_error;
  if (why.empty()) why = error.getDetailMsg();
  if (why.empty()) why = error.getFuncName() + " failed";
  throw IoError("cannot " + what + " results file '" + file.string() + "': " + why);
}

// Runs `action`; an H5::Exception becomes IoError("cannot WHAT results file 'F': why").
template <class Action>
auto guard(const std::filesystem::path& file, const std::string& what, Action&& action) {
  install_error_handler();
  t_last_error.clear();
  try {
    return std::forward<Action>(action)();
  } catch (const H5::Exception& error) {
    fail(file, what, error);
  }
}

// For the few C calls without a C++ wrapper: a negative result becomes an H5::Exception.
template <class T>
T check(T result, const char* function) {
  if (result < 0) throw H5::Exception(function, std::string(function) + " failed");
  return result;
}

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : path) {
    if (c == '/') {
      if (!part.empty()) parts.push_back(std::move(part));
      part.clear();
    } else {
      part += c;
    }
  }
  if (!part.empty()) parts.push_back(std::move(part));
  return parts;
}

H5::StrType utf8_string_type() {
  H5::StrType type(H5::PredType::C_S1, H5T_VARIABLE);
  type.setCset(H5T_CSET_UTF8);
  return type;
}

std::vector<hsize_t> to_hsize(const Shape& shape) { return {shape.begin(), shape.end()}; }

std::uint64_t element_count(const Shape& shape) {
  std::uint64_t count = 1;
  for (auto extent : shape) count *= extent;
  return count;
}

// Opens the group or dataset at `path` and passes it to `fn` as an H5::H5Object.
template <class Fn>
auto with_object(const H5::H5File& file, const std::string& path, Fn&& fn) {
  if (path == "/") {
    H5::Group group = file.openGroup("/");
    return fn(static_cast<H5::H5Object&>(group));
  }
  switch (file.childObjType(path)) {
    case H5O_TYPE_GROUP: {
      H5::Group group = file.openGroup(path);
      return fn(static_cast<H5::H5Object&>(group));
    }
    case H5O_TYPE_DATASET: {
      H5::DataSet dataset = file.openDataSet(path);
      return fn(static_cast<H5::H5Object&>(dataset));
    }
    default:
      throw H5::Exception("with_object", "'" + path + "' is neither a group nor a dataset");
  }
}

H5::Attribute replace_attribute(H5::H5Object& object, const std::string& name,
                                const H5::DataType& type, const H5::DataSpace& space) {
  if (object.attrExists(name)) object.removeAttr(name);
  return object.createAttribute(name, type, space);
}

hsize_t point_count(const H5::DataSpace& space) {
  return static_cast<hsize_t>(space.getSimpleExtentNpoints());
}

// Attribute::read and DataSet::read take their arguments in different orders.
void read_into(const H5::Attribute& source, const H5::DataType& type, void* buffer) {
  source.read(type, buffer);
}
void read_into(const H5::DataSet& source, const H5::DataType& type, void* buffer) {
  source.read(buffer, type);
}

// Reads every string of an attribute or dataset (variable- or fixed-length).
template <class Source>
std::vector<std::string> read_all_strings(const Source& source, const std::string& what) {
  if (source.getTypeClass() != H5T_STRING) {
    throw H5::Exception("read_all_strings", what + " does not hold strings");
  }
  H5::StrType type = source.getStrType();
  H5::DataSpace space = source.getSpace();
  const auto count = point_count(space);
  std::vector<std::string> values;
  if (count == 0) return values;
  values.reserve(count);
  if (type.isVariableStr()) {
    std::vector<char*> buffer(count, nullptr);
    read_into(source, type, buffer.data());
    for (char* text : buffer) values.emplace_back(text != nullptr ? text : "");
    H5::DataSet::vlenReclaim(buffer.data(), type, space);
  } else {
    const std::size_t size = type.getSize();
    std::vector<char> buffer(count * size, '\0');
    read_into(source, type, buffer.data());
    for (hsize_t i = 0; i < count; ++i) {
      const char* begin = buffer.data() + i * size;
      values.emplace_back(begin, std::find(begin, begin + size, '\0'));
    }
  }
  return values;
}

template <class T>
T read_number_attribute(const H5::Attribute& attribute, const H5::PredType& memory_type,
                        const std::string& what) {
  if (point_count(attribute.getSpace()) != 1) {
    throw H5::Exception("read_number_attribute", what + " is not a single value");
  }
  const auto type_class = attribute.getTypeClass();
  if (type_class != H5T_INTEGER && type_class != H5T_FLOAT) {
    throw H5::Exception("read_number_attribute", what + " is not a number");
  }
  T value{};
  attribute.read(memory_type, &value);
  return value;
}

std::string describe_attribute(const std::string& object, const std::string& name) {
  return "attribute '" + name + "' of '" + object + "'";
}

}  // namespace

std::string parent_path(const std::string& path) {
  const auto slash = path.find_last_of('/');
  if (slash == std::string::npos || slash == 0) return "/";
  return path.substr(0, slash);
}

std::string join(const std::string& group, const std::string& child) {
  if (group.empty() || group.back() == '/') return group + child;
  return group + "/" + child;
}

File::File(H5::H5File file, std::filesystem::path label)
    : file_(std::move(file)), label_(std::move(label)) {}

File File::create(const std::filesystem::path& path, const std::filesystem::path& label) {
  const auto& shown = label.empty() ? path : label;
  return guard(shown, "create",
               [&] { return File(H5::H5File(path.string(), H5F_ACC_TRUNC), shown); });
}

File File::open_read_only(const std::filesystem::path& path) {
  return guard(path, "open", [&] { return File(H5::H5File(path.string(), H5F_ACC_RDONLY), path); });
}

File File::open_read_write(const std::filesystem::path& path, const std::filesystem::path& label) {
  const auto& shown = label.empty() ? path : label;
  return guard(shown, "open", [&] { return File(H5::H5File(path.string(), H5F_ACC_RDWR), shown); });
}

bool File::is_hdf5(const std::filesystem::path& path) {
  return guard(path, "open", [&] { return H5::H5File::isHdf5(path.string()); });
}

void File::close() {
  guard(label_, "close", [&] { file_.close(); });
}

bool File::exists_unguarded(const std::string& path) const {
  std::string current;
  for (const auto& part : split(path)) {
    if (!current.empty() && file_.childObjType(current) != H5O_TYPE_GROUP) return false;
    current += "/" + part;
    if (!file_.nameExists(current)) return false;
  }
  return true;
}

bool File::exists(const std::string& path) const {
  return guard(label_, "look up '" + path + "' in", [&] { return exists_unguarded(path); });
}

bool File::is_group(const std::string& path) const {
  return guard(label_, "look up '" + path + "' in", [&] {
    return path == "/" || (exists_unguarded(path) && file_.childObjType(path) == H5O_TYPE_GROUP);
  });
}

bool File::is_dataset(const std::string& path) const {
  return guard(label_, "look up '" + path + "' in", [&] {
    return exists_unguarded(path) && file_.childObjType(path) == H5O_TYPE_DATASET;
  });
}

void File::create_groups(const std::string& path, bool track_order) {
  const auto parts = split(path);
  std::string current;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    current += "/" + parts[i];
    if (file_.nameExists(current)) continue;
    const bool last = i + 1 == parts.size();
    if (last && track_order) {
      const hid_t plist = check(H5Pcreate(H5P_GROUP_CREATE), "H5Pcreate");
      const herr_t set =
          H5Pset_link_creation_order(plist, H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED);
      const hid_t group =
          set < 0 ? -1
                  : H5Gcreate2(file_.getId(), current.c_str(), H5P_DEFAULT, plist, H5P_DEFAULT);
      H5Pclose(plist);
      check(group, "H5Gcreate2");
      H5Gclose(group);
    } else {
      file_.createGroup(current);
    }
  }
}

void File::create_group(const std::string& path, bool track_order) {
  guard(label_, "create group '" + path + "' in", [&] { create_groups(path, track_order); });
}

void File::ensure_parent(const std::string& path) {
  const auto parent = parent_path(path);
  if (parent != "/") create_groups(parent, false);
}

std::vector<std::string> File::children(const std::string& group_path) const {
  return guard(label_, "list group '" + group_path + "' in", [&] {
    H5::Group group = file_.openGroup(group_path);
    const hid_t plist = check(H5Gget_create_plist(group.getId()), "H5Gget_create_plist");
    unsigned order_flags = 0;
    const herr_t got = H5Pget_link_creation_order(plist, &order_flags);
    H5Pclose(plist);
    check(got, "H5Pget_link_creation_order");
    const H5_index_t index =
        (order_flags & H5P_CRT_ORDER_INDEXED) != 0 ? H5_INDEX_CRT_ORDER : H5_INDEX_NAME;
    std::vector<std::string> names;
    const hsize_t count = group.getNumObjs();
    for (hsize_t i = 0; i < count; ++i) {
      const ssize_t length = check(
          H5Lget_name_by_idx(group.getId(), ".", index, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT),
          "H5Lget_name_by_idx");
      std::string name(static_cast<std::size_t>(length) + 1, '\0');
      check(H5Lget_name_by_idx(group.getId(), ".", index, H5_ITER_INC, i, name.data(), name.size(),
                               H5P_DEFAULT),
            "H5Lget_name_by_idx");
      name.resize(static_cast<std::size_t>(length));
      names.push_back(std::move(name));
    }
    return names;
  });
}

void File::write_string_attribute(const std::string& object, const std::string& name,
                                  const std::string& value) {
  guard(label_, "write " + describe_attribute(object, name) + " in", [&] {
    with_object(file_, object, [&](H5::H5Object& target) {
      const auto type = utf8_string_type();
      auto attribute = replace_attribute(target, name, type, H5::DataSpace(H5S_SCALAR));
      attribute.write(type, value);
    });
  });
}

void File::write_strings_attribute(const std::string& object, const std::string& name,
                                   const std::vector<std::string>& values) {
  guard(label_, "write " + describe_attribute(object, name) + " in", [&] {
    with_object(file_, object, [&](H5::H5Object& target) {
      const auto type = utf8_string_type();
      const hsize_t count = values.size();
      auto attribute = replace_attribute(target, name, type, H5::DataSpace(1, &count));
      if (values.empty()) return;
      std::vector<const char*> pointers;
      pointers.reserve(values.size());
      for (const auto& value : values) pointers.push_back(value.c_str());
      attribute.write(type, pointers.data());
    });
  });
}

void File::write_int_attribute(const std::string& object, const std::string& name,
                               std::int32_t value) {
  guard(label_, "write " + describe_attribute(object, name) + " in", [&] {
    with_object(file_, object, [&](H5::H5Object& target) {
      auto attribute =
          replace_attribute(target, name, H5::PredType::STD_I32LE, H5::DataSpace(H5S_SCALAR));
      attribute.write(H5::PredType::NATIVE_INT32, &value);
    });
  });
}

void File::write_uint64_attribute(const std::string& object, const std::string& name,
                                  std::uint64_t value) {
  guard(label_, "write " + describe_attribute(object, name) + " in", [&] {
    with_object(file_, object, [&](H5::H5Object& target) {
      auto attribute =
          replace_attribute(target, name, H5::PredType::STD_U64LE, H5::DataSpace(H5S_SCALAR));
      attribute.write(H5::PredType::NATIVE_UINT64, &value);
    });
  });
}

void File::write_double_attribute(const std::string& object, const std::string& name,
                                  double value) {
  guard(label_, "write " + describe_attribute(object, name) + " in", [&] {
    with_object(file_, object, [&](H5::H5Object& target) {
      auto attribute =
          replace_attribute(target, name, H5::PredType::IEEE_F64LE, H5::DataSpace(H5S_SCALAR));
      attribute.write(H5::PredType::NATIVE_DOUBLE, &value);
    });
  });
}

bool File::has_attribute(const std::string& object, const std::string& name) const {
  return guard(label_, "look up " + describe_attribute(object, name) + " in", [&] {
    return with_object(file_, object,
                       [&](H5::H5Object& target) { return target.attrExists(name); });
  });
}

bool File::is_string_attribute(const std::string& object, const std::string& name) const {
  return guard(label_, "look up " + describe_attribute(object, name) + " in", [&] {
    return with_object(file_, object, [&](H5::H5Object& target) {
      return target.attrExists(name) && target.openAttribute(name).getTypeClass() == H5T_STRING;
    });
  });
}

std::string File::read_string_attribute(const std::string& object, const std::string& name) const {
  const auto what = describe_attribute(object, name);
  return guard(label_, "read " + what + " in", [&] {
    return with_object(file_, object, [&](H5::H5Object& target) {
      auto values = read_all_strings(target.openAttribute(name), what);
      if (values.size() != 1) {
        throw H5::Exception("read_string_attribute", what + " is not a single string");
      }
      return values.front();
    });
  });
}

std::vector<std::string> File::read_strings_attribute(const std::string& object,
                                                      const std::string& name) const {
  const auto what = describe_attribute(object, name);
  return guard(label_, "read " + what + " in", [&] {
    return with_object(file_, object, [&](H5::H5Object& target) {
      return read_all_strings(target.openAttribute(name), what);
    });
  });
}

std::int64_t File::read_int_attribute(const std::string& object, const std::string& name) const {
  const auto what = describe_attribute(object, name);
  return guard(label_, "read " + what + " in", [&] {
    return with_object(file_, object, [&](H5::H5Object& target) {
      return read_number_attribute<std::int64_t>(target.openAttribute(name),
                                                 H5::PredType::NATIVE_INT64, what);
    });
  });
}

std::uint64_t File::read_uint64_attribute(const std::string& object,
                                          const std::string& name) const {
  const auto what = describe_attribute(object, name);
  return guard(label_, "read " + what + " in", [&] {
    return with_object(file_, object, [&](H5::H5Object& target) {
      return read_number_attribute<std::uint64_t>(target.openAttribute(name),
                                                  H5::PredType::NATIVE_UINT64, what);
    });
  });
}

double File::read_double_attribute(const std::string& object, const std::string& name) const {
  const auto what = describe_attribute(object, name);
  return guard(label_, "read " + what + " in", [&] {
    return with_object(file_, object, [&](H5::H5Object& target) {
      return read_number_attribute<double>(target.openAttribute(name), H5::PredType::NATIVE_DOUBLE,
                                           what);
    });
  });
}

void File::write_doubles(const std::string& path, const Shape& shape,
                         std::span<const double> data) {
  if (element_count(shape) != data.size()) {
    throw std::logic_error("h5::File::write_doubles: shape of '" + path + "' does not match data");
  }
  guard(label_, "write dataset '" + path + "' in", [&] {
    ensure_parent(path);
    const auto dims = to_hsize(shape);
    const H5::DataSpace space(static_cast<int>(dims.size()), dims.data());
    H5::DSetCreatPropList plist;
    const std::uint64_t bytes = data.size() * sizeof(double);
    if (!shape.empty() && shape.front() > 0 && bytes >= kCompressFromBytes) {
      auto chunk = dims;
      const std::uint64_t slice_bytes = bytes / shape.front();
      chunk.front() = std::clamp<hsize_t>(kTargetChunkBytes / slice_bytes, 1, dims.front());
      plist.setChunk(static_cast<int>(chunk.size()), chunk.data());
      if (H5Zfilter_avail(H5Z_FILTER_SHUFFLE) > 0) plist.setShuffle();
      if (H5Zfilter_avail(H5Z_FILTER_DEFLATE) > 0) plist.setDeflate(kDeflateLevel);
    }
    H5::DataSet dataset = file_.createDataSet(path, H5::PredType::IEEE_F64LE, space, plist);
    if (!data.empty()) dataset.write(data.data(), H5::PredType::NATIVE_DOUBLE);
  });
}

void File::write_ints(const std::string& path, std::span<const std::int32_t> data) {
  write_ints(path, {data.size()}, data);
}

void File::write_ints(const std::string& path, const Shape& shape,
                      std::span<const std::int32_t> data) {
  if (element_count(shape) != data.size()) {
    throw std::logic_error("h5::File::write_ints: shape of '" + path + "' does not match data");
  }
  guard(label_, "write dataset '" + path + "' in", [&] {
    ensure_parent(path);
    const auto dims = to_hsize(shape);
    const H5::DataSpace space(static_cast<int>(dims.size()), dims.data());
    H5::DataSet dataset = file_.createDataSet(path, H5::PredType::STD_I32LE, space);
    if (!data.empty()) dataset.write(data.data(), H5::PredType::NATIVE_INT32);
  });
}

void File::write_strings(const std::string& path, const std::vector<std::string>& values) {
  guard(label_, "write dataset '" + path + "' in", [&] {
    ensure_parent(path);
    const auto type = utf8_string_type();
    const hsize_t count = values.size();
    H5::DataSet dataset = file_.createDataSet(path, type, H5::DataSpace(1, &count));
    if (values.empty()) return;
    std::vector<const char*> pointers;
    pointers.reserve(values.size());
    for (const auto& value : values) pointers.push_back(value.c_str());
    dataset.write(pointers.data(), type);
  });
}

Shape File::shape(const std::string& path) const {
  return guard(label_, "read the shape of dataset '" + path + "' in", [&] {
    const H5::DataSpace space = file_.openDataSet(path).getSpace();
    std::vector<hsize_t> dims(static_cast<std::size_t>(space.getSimpleExtentNdims()));
    if (!dims.empty()) space.getSimpleExtentDims(dims.data());
    return Shape(dims.begin(), dims.end());
  });
}

std::string File::type_name(const std::string& path) const {
  return guard(label_, "read the type of dataset '" + path + "' in", [&] {
    const H5::DataSet dataset = file_.openDataSet(path);
    const auto bits = std::to_string(dataset.getDataType().getSize() * 8);
    switch (dataset.getTypeClass()) {
      case H5T_FLOAT:
        return "float" + bits;
      case H5T_INTEGER:
        return (dataset.getIntType().getSign() == H5T_SGN_NONE ? "uint" : "int") + bits;
      case H5T_STRING:
        return std::string("string");
      default:
        return std::string("other");
    }
  });
}

std::vector<double> File::read_doubles(const std::string& path) const {
  return guard(label_, "read dataset '" + path + "' in", [&] {
    const H5::DataSet dataset = file_.openDataSet(path);
    std::vector<double> values(
        static_cast<std::size_t>(dataset.getSpace().getSimpleExtentNpoints()));
    if (!values.empty()) dataset.read(values.data(), H5::PredType::NATIVE_DOUBLE);
    return values;
  });
}

std::vector<double> File::read_doubles_slice(const std::string& path, std::uint64_t index) const {
  return guard(label_, "read dataset '" + path + "' in", [&] {
    const H5::DataSet dataset = file_.openDataSet(path);
    H5::DataSpace file_space = dataset.getSpace();
    std::vector<hsize_t> dims(static_cast<std::size_t>(file_space.getSimpleExtentNdims()));
    if (!dims.empty()) file_space.getSimpleExtentDims(dims.data());
    if (dims.empty() || index >= dims.front()) {
      throw H5::Exception("read_doubles_slice",
                          "index " + std::to_string(index) + " is outside the first dimension");
    }
    auto count = dims;
    count.front() = 1;
    std::vector<hsize_t> offset(dims.size(), 0);
    offset.front() = index;
    file_space.selectHyperslab(H5S_SELECT_SET, count.data(), offset.data());
    const H5::DataSpace memory_space(static_cast<int>(count.size()), count.data());
    std::vector<double> values(static_cast<std::size_t>(memory_space.getSimpleExtentNpoints()));
    if (!values.empty()) {
      dataset.read(values.data(), H5::PredType::NATIVE_DOUBLE, memory_space, file_space);
    }
    return values;
  });
}

std::vector<std::int32_t> File::read_ints(const std::string& path) const {
  return guard(label_, "read dataset '" + path + "' in", [&] {
    const H5::DataSet dataset = file_.openDataSet(path);
    if (dataset.getTypeClass() != H5T_INTEGER) {
      throw H5::Exception("read_ints", "dataset does not hold integers");
    }
    std::vector<std::int32_t> values(
        static_cast<std::size_t>(dataset.getSpace().getSimpleExtentNpoints()));
    if (!values.empty()) dataset.read(values.data(), H5::PredType::NATIVE_INT32);
    return values;
  });
}

std::vector<std::string> File::read_strings(const std::string& path) const {
  return guard(label_, "read dataset '" + path + "' in",
               [&] { return read_all_strings(file_.openDataSet(path), "dataset '" + path + "'"); });
}

}  // namespace wardsim::io::h5
