# Runs web/build.mjs (esbuild) into DIST when web/node_modules is installed; otherwise says how to
# install it and leaves DIST alone (the server then answers / with "front end not built").
# cmake -DWEB_DIR=... -DDIST=... -DNODE=... -P build_web.cmake
if(NOT EXISTS "${WEB_DIR}/node_modules/esbuild" OR NOT NODE)
  message(NOTICE "wardsim_web: web/node_modules (or node) is absent, the front end is not built; "
                 "run scripts/install-npm-deps.sh (Node.js 18+ and npm)")
  return()
endif()
execute_process(COMMAND "${NODE}" "${WEB_DIR}/build.mjs" "${DIST}" WORKING_DIRECTORY "${WEB_DIR}"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "wardsim_web: the front-end build failed (${result})")
endif()
