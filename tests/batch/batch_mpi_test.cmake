# Runs one sweep (variants with Monte Carlo draws over the tiny city) once as a single process and
# once under `mpirun -np 2`, then checks that both results files hold the same datasets.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
file(WRITE "${WORK_DIR}/sweep.toml" "[sweep]
name = \"mpi_check\"
base = \"${SOURCE_DIR}/tests/scenarios/fixtures/tiny/tiny_services.toml\"

[grid]
\"fertility.tfr\" = [0.8, 1.2, 1.6]

[monte_carlo]
draws = 30
seed = 5
multipliers = { tfr = { distribution = \"lognormal\", sigma = 0.1 }, in_migration = { distribution = \"uniform\", min = 0.8, max = 1.2 } }
")

function(run_checked)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "failed (${code}): ${ARGN}\n${out}\n${err}")
  endif()
endfunction()

run_checked("${WARDSIM}" batch "${WORK_DIR}/sweep.toml" --out "${WORK_DIR}/single.h5" --threads 2)
run_checked("${MPIRUN}" --allow-run-as-root --oversubscribe -np 2
            "${WARDSIM}" batch "${WORK_DIR}/sweep.toml" --out "${WORK_DIR}/mpi.h5" --threads 1)
run_checked("${PYTHON}" "${SOURCE_DIR}/tests/batch/compare_results.py"
            "${WORK_DIR}/single.h5" "${WORK_DIR}/mpi.h5" --expect-ranks 2)
file(REMOVE_RECURSE "${WORK_DIR}")
