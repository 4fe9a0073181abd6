// The private HDF5 helpers: error conversion, silence on stderr, strings, ordering, chunking.

#include "h5_util.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "io/io_test_support.h"
#include "wardsim/error.h"

namespace wardsim::io::h5 {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class H5UtilTest : public testing::TempDirTest {};

TEST_F(H5UtilTest, Hdf5FailuresBecomeIoErrorsAndPrintNothing) {
  const auto path = dir_ / "file.h5";
  File::create(path).close();
  const auto file = File::open_read_only(path);

  ::testing::internal::CaptureStderr();
  EXPECT_THAT(
      [&] { file.read_doubles("/missing/data"); },
      ::testing::ThrowsMessage<IoError>(StartsWith(
          "cannot read dataset '/missing/data' in results file '" + path.string() + "': ")));
  EXPECT_THAT([&] { file.read_string_attribute("/", "format"); },
              ::testing::ThrowsMessage<IoError>(StartsWith(
                  "cannot read attribute 'format' of '/' in results file '" + path.string())));
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST_F(H5UtilTest, CannotCreateInMissingDirectory) {
  const auto path = dir_ / "no" / "such" / "file.h5";
  EXPECT_THAT([&] { File::create(path); },
              ::testing::ThrowsMessage<IoError>(::testing::AllOf(
                  StartsWith("cannot create results file '" + path.string() + "': "),
                  HasSubstr("No such file or directory"))));
}

TEST_F(H5UtilTest, StringsAndNumbersRoundTrip) {
  const auto path = dir_ / "file.h5";
  {
    auto file = File::create(path);
    file.write_strings("/a/b/labels", {"池尻", "", "Seijo"});
    file.write_strings("/a/empty", {});
    file.write_string_attribute("/a", "title", "世田谷区");
    file.write_strings_attribute("/a", "list", {"x", "ｙ"});
    file.write_strings_attribute("/a", "none", {});
    file.write_int_attribute("/a/b/labels", "count", -3);
    file.write_uint64_attribute("/", "big", 18446744073709551615ULL);
    file.write_double_attribute("/", "ratio", 0.1);
    file.write_ints("/ints", std::vector<std::int32_t>{2025, 2026});
    file.close();
  }
  const auto file = File::open_read_only(path);
  EXPECT_THAT(file.read_strings("/a/b/labels"), ElementsAre("池尻", "", "Seijo"));
  EXPECT_TRUE(file.read_strings("/a/empty").empty());
  EXPECT_THAT(file.shape("/a/empty"), ElementsAre(0u));
  EXPECT_EQ(file.read_string_attribute("/a", "title"), "世田谷区");
  EXPECT_THAT(file.read_strings_attribute("/a", "list"), ElementsAre("x", "ｙ"));
  EXPECT_TRUE(file.read_strings_attribute("/a", "none").empty());
  EXPECT_EQ(file.read_int_attribute("/a/b/labels", "count"), -3);
  EXPECT_EQ(file.read_uint64_attribute("/", "big"), 18446744073709551615ULL);
  EXPECT_EQ(file.read_double_attribute("/", "ratio"), 0.1);
  EXPECT_THAT(file.read_ints("/ints"), ElementsAre(2025, 2026));
  EXPECT_EQ(file.type_name("/ints"), "int32");
  EXPECT_EQ(file.type_name("/a/b/labels"), "string");
  EXPECT_TRUE(file.has_attribute("/a", "title"));
  EXPECT_FALSE(file.has_attribute("/a", "nothing"));
  EXPECT_TRUE(file.is_string_attribute("/a", "title"));
  EXPECT_FALSE(file.is_string_attribute("/", "big"));
  EXPECT_TRUE(file.is_group("/a/b"));
  EXPECT_TRUE(file.is_dataset("/a/b/labels"));
  EXPECT_FALSE(file.exists("/a/b/labels/deeper"));
  EXPECT_FALSE(file.exists("/x/y"));
}

TEST_F(H5UtilTest, ChildrenFollowCreationOrderOnlyWhenTracked) {
  const auto path = dir_ / "file.h5";
  {
    auto file = File::create(path);
    file.create_group("/ordered", /*track_order=*/true);
    file.create_group("/plain");
    for (const char* name : {"zeta", "alpha", "mid"}) {
      file.create_group(join("/ordered", name));
      file.create_group(join("/plain", name));
    }
    file.close();
  }
  const auto file = File::open_read_only(path);
  EXPECT_THAT(file.children("/ordered"), ElementsAre("zeta", "alpha", "mid"));
  EXPECT_THAT(file.children("/plain"), ElementsAre("alpha", "mid", "zeta"));
}

TEST_F(H5UtilTest, DoublesRoundTripWholeAndBySlice) {
  const auto path = dir_ / "file.h5";
  std::vector<double> small(2 * 3), large(40 * 100);  // 48 B contiguous, 32 kB chunked
  for (std::size_t i = 0; i < small.size(); ++i) small[i] = static_cast<double>(i) + 0.5;
  for (std::size_t i = 0; i < large.size(); ++i) large[i] = static_cast<double>(i) / 7.0;
  {
    auto file = File::create(path);
    file.write_doubles("/small", {2, 3}, small);
    file.write_doubles("/g/large", {40, 100}, large);
    file.close();
  }
  const auto file = File::open_read_only(path);
  EXPECT_EQ(file.read_doubles("/small"), small);
  EXPECT_EQ(file.read_doubles("/g/large"), large);
  EXPECT_THAT(file.read_doubles_slice("/small", 1), ElementsAre(3.5, 4.5, 5.5));
  const auto slice = file.read_doubles_slice("/g/large", 39);
  EXPECT_EQ(slice, std::vector<double>(large.end() - 100, large.end()));
  EXPECT_THAT(file.shape("/g/large"), ElementsAre(40u, 100u));
  EXPECT_EQ(file.type_name("/g/large"), "float64");
}

TEST(H5PathTest, ParentAndJoin) {
  EXPECT_EQ(parent_path("/a/b/c"), "/a/b");
  EXPECT_EQ(parent_path("/a"), "/");
  EXPECT_EQ(join("/", "a"), "/a");
  EXPECT_EQ(join("/a", "b"), "/a/b");
}

}  // namespace
}  // namespace wardsim::io::h5
