#pragma once
// Private to wardsim::io: the one place that calls HDF5. Path-based helpers on an open file; every
// HDF5 failure leaves here as a wardsim::IoError naming the file, what was attempted and the
// innermost message of HDF5's error stack. HDF5's automatic error printing is replaced by a
// handler that only records that message.

#include <H5Cpp.h>

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace wardsim::io::h5 {

using Shape = std::vector<std::uint64_t>;

// Datasets of at least this many bytes are chunked and compressed (shuffle + deflate).
inline constexpr std::uint64_t kCompressFromBytes = 16 * 1024;
// Chunks hold whole slices along the first dimension, as many as fit in about this many bytes.
inline constexpr std::uint64_t kTargetChunkBytes = 256 * 1024;
inline constexpr unsigned kDeflateLevel = 4;

class File {
 public:
  // A new, empty file at `path` (an existing file is truncated). Error messages name `label`
  // (e.g. the final name of a file written under a temporary name), or `path` if it is empty.
  static File create(const std::filesystem::path& path, const std::filesystem::path& label = {});
  // An existing file, read-only.
  static File open_read_only(const std::filesystem::path& path);
  // An existing file, to add to. Error messages name `label`, or `path` if it is empty.
  static File open_read_write(const std::filesystem::path& path,
                              const std::filesystem::path& label = {});
  // Whether `path` is an HDF5 file; IoError if it cannot be read at all.
  static bool is_hdf5(const std::filesystem::path& path);

  const std::filesystem::path& label() const { return label_; }
  void close();

  // Groups. `path` is absolute ("/scenarios/baseline"); missing parents are created.
  // With `track_order`, children are listed in the order they were created.
  void create_group(const std::string& path, bool track_order = false);
  bool exists(const std::string& path) const;  // checks every component of the path
  bool is_group(const std::string& path) const;
  bool is_dataset(const std::string& path) const;
  std::vector<std::string> children(const std::string& group) const;

  // Attributes of the group or dataset at `object`. Strings are variable-length UTF-8.
  void write_string_attribute(const std::string& object, const std::string& name,
                              const std::string& value);
  void write_strings_attribute(const std::string& object, const std::string& name,
                               const std::vector<std::string>& values);
  void write_int_attribute(const std::string& object, const std::string& name, std::int32_t value);
  void write_uint64_attribute(const std::string& object, const std::string& name,
                              std::uint64_t value);
  void write_double_attribute(const std::string& object, const std::string& name, double value);

  bool has_attribute(const std::string& object, const std::string& name) const;
  bool is_string_attribute(const std::string& object, const std::string& name) const;
  std::string read_string_attribute(const std::string& object, const std::string& name) const;
  // A 1-D string attribute (a scalar string reads as one element).
  std::vector<std::string> read_strings_attribute(const std::string& object,
                                                  const std::string& name) const;
  std::int64_t read_int_attribute(const std::string& object, const std::string& name) const;
  std::uint64_t read_uint64_attribute(const std::string& object, const std::string& name) const;
  double read_double_attribute(const std::string& object, const std::string& name) const;

  // Datasets. Missing parent groups are created. `data` is row-major with `shape`.
  void write_doubles(const std::string& path, const Shape& shape, std::span<const double> data);
  void write_ints(const std::string& path, std::span<const std::int32_t> data);
  void write_ints(const std::string& path, const Shape& shape, std::span<const std::int32_t> data);
  void write_strings(const std::string& path, const std::vector<std::string>& values);

  Shape shape(const std::string& path) const;
  // "float64", "int32", "string", ... for summaries.
  std::string type_name(const std::string& path) const;
  std::vector<double> read_doubles(const std::string& path) const;
  // The slice at `index` along the first dimension (row-major, all other dimensions whole).
  std::vector<double> read_doubles_slice(const std::string& path, std::uint64_t index) const;
  std::vector<std::int32_t> read_ints(const std::string& path) const;
  std::vector<std::string> read_strings(const std::string& path) const;

 private:
  File(H5::H5File file, std::filesystem::path label);

  void create_groups(const std::string& path, bool track_order);
  void ensure_parent(const std::string& path);
  bool exists_unguarded(const std::string& path) const;

  H5::H5File file_;
  std::filesystem::path label_;
};

// The parent of an absolute HDF5 path ("/a/b" → "/a", "/a" → "/").
std::string parent_path(const std::string& path);
// Joins an HDF5 group path and a child name.
std::string join(const std::string& group, const std::string& child);

}  // namespace wardsim::io::h5
