#include <Random123/philox.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "wardsim/engine/agent/philox_batch.h"
#include "wardsim/engine/agent/random_streams.h"

namespace wardsim::engine::agent {
namespace {

// The batched Philox (vector lanes plus a scalar tail) must give Random123's words exactly, for
// counters whose entities are arbitrary (person ids) and for every lane position: 16 × 3 + 5
// entities cover three full AVX-512 vectors and a tail.
TEST(PhiloxBatch, GivesRandom123sWordsForEveryLane) {
  const std::size_t n = 16 * 3 + 5;
  std::vector<std::uint32_t> entity(n);
  for (std::size_t k = 0; k < n; ++k) {
    entity[k] = static_cast<std::uint32_t>(k * 2654435761u + 17u);  // scattered, wraps around
  }
  std::vector<std::uint32_t> words(4 * n);
  const WordColumns columns{words.data(), words.data() + n, words.data() + 2 * n,
                            words.data() + 3 * n};
  const std::uint32_t c1 = 0x12345678u, c2 = 7u, c3 = 0xFFFFFFFFu;
  const std::uint32_t key0 = 0xDEADBEEFu, key1 = 42u;
  const r123::Philox4x32::key_type key = {{key0, key1}};
  for (const auto batch : {&philox4x32_batch, &philox4x32_batch_portable}) {
    std::fill(words.begin(), words.end(), 0U);
    batch(entity.data(), n, c1, c2, c3, key0, key1, columns);
    for (std::size_t k = 0; k < n; ++k) {
      const r123::Philox4x32::ctr_type counter = {{entity[k], c1, c2, c3}};
      const r123::Philox4x32::ctr_type expected = r123::Philox4x32()(counter, key);
      EXPECT_EQ(columns.w0[k], expected.v[0]) << k;
      EXPECT_EQ(columns.w1[k], expected.v[1]) << k;
      EXPECT_EQ(columns.w2[k], expected.v[2]) << k;
      EXPECT_EQ(columns.w3[k], expected.v[3]) << k;
    }
  }
}

// A batch of n < 16 (a block's few marked persons) is computed whole and writes nothing past n.
TEST(PhiloxBatch, ShortBatchesWriteOnlyTheirWords) {
  const std::uint32_t key0 = 1, key1 = 2;
  const r123::Philox4x32::key_type key = {{key0, key1}};
  for (std::size_t n = 0; n <= 17; ++n) {
    std::vector<std::uint32_t> entity(n);
    for (std::size_t k = 0; k < n; ++k) entity[k] = static_cast<std::uint32_t>(977 * k + 3);
    const std::size_t stride = 20;
    std::vector<std::uint32_t> words(4 * stride, 0xA5A5A5A5u);
    philox4x32_batch(entity.data(), n, 9, 8, 7, key0, key1,
                     {words.data(), words.data() + stride, words.data() + 2 * stride,
                      words.data() + 3 * stride});
    for (std::size_t k = 0; k < stride; ++k) {
      for (std::size_t j = 0; j < 4; ++j) {
        const std::uint32_t got = words[j * stride + k];
        if (k < n) {
          const r123::Philox4x32::ctr_type out = r123::Philox4x32()({{entity[k], 9, 8, 7}}, key);
          EXPECT_EQ(got, out.v[j]) << n << " " << k;
        } else {
          EXPECT_EQ(got, 0xA5A5A5A5u) << n << " " << k;
        }
      }
    }
  }
}

// RandomStreams' batched words are its one-at-a-time words (the kernel uses both for one stream).
TEST(PhiloxBatch, StreamsGiveTheSameWordsOneAtATimeAndInBatches) {
  const RandomStreams streams(0x0123456789ABCDEFull, 3);
  const std::size_t n = 21;
  std::vector<std::uint32_t> entity(n);
  for (std::size_t k = 0; k < n; ++k) entity[k] = static_cast<std::uint32_t>(1000 + 7 * k);
  std::vector<std::uint32_t> words(4 * n);
  const WordColumns columns{words.data(), words.data() + n, words.data() + 2 * n,
                            words.data() + 3 * n};
  streams.words(entity.data(), n, 34, Event::kHouseholdScreen, 5, columns);
  for (std::size_t k = 0; k < n; ++k) {
    const RandomStreams::Words one = streams.words(entity[k], 34, Event::kHouseholdScreen, 5);
    EXPECT_EQ(columns.w0[k], one[0]);
    EXPECT_EQ(columns.w1[k], one[1]);
    EXPECT_EQ(columns.w2[k], one[2]);
    EXPECT_EQ(columns.w3[k], one[3]);
  }
}

}  // namespace
}  // namespace wardsim::engine::agent
