# The sanitizer build instruments every target, including the tests, so that a memory or
# undefined-behaviour error anywhere fails the run.
if(WARDSIM_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
if(WARDSIM_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC's -Wmaybe-uninitialized is unreliable under the sanitizers' instrumentation (it reports
  # std::function inside std::regex, for one); the sanitizers check the real thing at run time.
  add_compile_options(-Wno-maybe-uninitialized)
endif()
