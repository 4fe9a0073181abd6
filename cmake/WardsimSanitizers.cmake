# The sanitizer build instruments every target, including the tests, so that a memory or
# undefined-behaviour error anywhere fails the run.
if(WARDSIM_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()
