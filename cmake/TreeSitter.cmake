# Tree-sitter's core and grammars come from the npm registry (package.json / package-lock.json,
# installed with `npm ci` under the project's .npmrc). They are compiled here as static C
# libraries; nothing of them is committed.
set(BULWARK_NODE_MODULES "${PROJECT_SOURCE_DIR}/node_modules" CACHE PATH
    "Where npm ci put the tree-sitter sources")
set(TS_CORE "${BULWARK_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib")
if(NOT EXISTS "${TS_CORE}/src/lib.c")
  message(FATAL_ERROR
    "Tree-sitter sources are missing from ${BULWARK_NODE_MODULES}.\n"
    "Run `npm ci` in ${PROJECT_SOURCE_DIR} (scripts/setup does it for you).")
endif()

add_library(ts_core STATIC "${TS_CORE}/src/lib.c")
target_include_directories(ts_core SYSTEM PUBLIC "${TS_CORE}/include"
                           PRIVATE "${TS_CORE}/src" "${TS_CORE}/src/wasm")
target_compile_definitions(ts_core PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
target_compile_options(ts_core PRIVATE -w)
set_target_properties(ts_core PROPERTIES C_VISIBILITY_PRESET hidden POSITION_INDEPENDENT_CODE ON)

function(bulwark_ts_grammar name srcdir)
  set(sources "${srcdir}/parser.c")
  if(EXISTS "${srcdir}/scanner.c")
    list(APPEND sources "${srcdir}/scanner.c")
  endif()
  add_library(${name} STATIC ${sources})
  target_include_directories(${name} PRIVATE "${srcdir}")
  target_compile_options(${name} PRIVATE -w)
  target_link_libraries(${name} PUBLIC ts_core)
endfunction()

bulwark_ts_grammar(ts_hcl "${BULWARK_NODE_MODULES}/@tree-sitter-grammars/tree-sitter-hcl/src")
bulwark_ts_grammar(ts_python "${BULWARK_NODE_MODULES}/tree-sitter-python/src")
bulwark_ts_grammar(ts_typescript "${BULWARK_NODE_MODULES}/tree-sitter-typescript/typescript/src")
bulwark_ts_grammar(ts_tsx "${BULWARK_NODE_MODULES}/tree-sitter-typescript/tsx/src")
