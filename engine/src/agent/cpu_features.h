#pragma once
// The vector instruction sets of the processor the program runs on, asked once. The agent
// kernel's AVX-512 paths are chosen at run time, so that the portable build uses them where the
// processor has them; each path states which of these its target attribute needs.

namespace wardsim::engine::agent {

struct CpuFeatures {
  bool avx512f = false;
  bool avx512bw = false;
  bool bmi2 = false;
  bool popcnt = false;
};

inline const CpuFeatures& cpu_features() {
#if defined(__x86_64__) && defined(__GNUC__)
  static const CpuFeatures features{
      __builtin_cpu_supports("avx512f") != 0, __builtin_cpu_supports("avx512bw") != 0,
      __builtin_cpu_supports("bmi2") != 0, __builtin_cpu_supports("popcnt") != 0};
#else
  static const CpuFeatures features;
#endif
  return features;
}

}  // namespace wardsim::engine::agent
