#pragma once
// Private to wardsim::io: opening a results file and checking what is read from it, shared by the
// readers of the projection and of the service results. Every problem is an InputError naming the
// file (or an IoError when the file cannot be read at all).

#include <filesystem>
#include <string>
#include <vector>

#include "file_messages.h"
#include "h5_util.h"
#include "wardsim/engine/projection.h"

namespace wardsim::io {

// InputError "results file 'X': why".
[[noreturn]] void malformed(const std::filesystem::path& file, const std::string& why);

// Opens `file` and checks that it is a wardsim results file this version can read; with
// `comparison_files_too`, a file written by `wardsim compare` (format "wardsim-comparison") is
// accepted as well.
h5::File open_results(const std::filesystem::path& file, bool comparison_files_too = false);

std::string shape_text(const h5::Shape& shape);
void require_dataset(const h5::File& h5, const std::string& path);
void require_shape(const h5::File& h5, const std::string& path, const h5::Shape& expected);
// A string attribute, or "" if the object does not have it.
std::string read_optional_string(const h5::File& h5, const std::string& object,
                                 const std::string& name);

std::vector<std::string> scenario_names(const h5::File& h5);
// The group of `scenario`; InputError naming the scenarios the file has if it is not there.
std::string require_scenario(const h5::File& h5, const std::string& scenario);

// A 1-D string dataset that must hold `count` labels.
std::vector<std::string> read_labels(const h5::File& h5, const std::string& path,
                                     std::size_t count);
engine::Dimensions read_dims(const h5::File& h5);

}  // namespace wardsim::io
