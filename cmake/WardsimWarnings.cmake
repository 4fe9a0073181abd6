# One interface target carries the project's warning flags; every wardsim target links it.
add_library(wardsim_warnings INTERFACE)
target_compile_options(wardsim_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wdouble-promotion -Wformat=2)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12 reports false -Wrestrict positives inside std::string at -O3 (GCC bug 105329).
  target_compile_options(wardsim_warnings INTERFACE -Wno-restrict)
endif()
if(WARDSIM_WERROR)
  target_compile_options(wardsim_warnings INTERFACE -Werror)
endif()
if(WARDSIM_NATIVE)
  target_compile_options(wardsim_warnings INTERFACE -march=native)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12's own AVX-512 intrinsics (self-initialised temporaries) trip -Wmaybe-uninitialized
    # wherever Eigen inlines them. The portable test build keeps the warning.
    target_compile_options(wardsim_warnings INTERFACE -Wno-maybe-uninitialized)
  endif()
endif()
