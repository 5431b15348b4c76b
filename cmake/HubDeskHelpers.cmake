# Helpers shared by every target of the tree. Keep the architecture rules here, in one place.

# Warnings and sanitizers for one of our own targets.
function(hubdesk_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Woverloaded-virtual)
  if(HUBDESK_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

if(HUBDESK_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# A library under hub/: plain C++20, no Qt. The rule is enforced twice: the sources are scanned
# at configure time for Qt includes, and the target's link libraries are checked for Qt targets
# at the end of configuration (hubdesk_check_hub_targets), so a stray Qt dependency fails the
# build instead of quietly spreading the GUI toolkit into the engine.
function(hubdesk_add_hub_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  foreach(src IN LISTS ARG_SOURCES)
    if(NOT IS_ABSOLUTE "${src}")
      set(src "${CMAKE_CURRENT_SOURCE_DIR}/${src}")
    endif()
    file(STRINGS "${src}" qt_lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](Q[A-Za-z]+|Qt[A-Za-z]*/)")
    if(qt_lines)
      message(FATAL_ERROR "hub/ must not use Qt: ${src} includes ${qt_lines}")
    endif()
  endforeach()
  add_library(${name} STATIC ${ARG_SOURCES})
  # Engine code has no Q_OBJECT: keep Qt's code generators away from it.
  set_target_properties(${name} PROPERTIES AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
  target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
  target_compile_definitions(${name} PUBLIC HUBDESK_NO_QT=1)
  hubdesk_target_defaults(${name})
  set_property(GLOBAL APPEND PROPERTY HUBDESK_HUB_TARGETS ${name})
endfunction()

# The hub_* targets `target` may include headers of: itself and what it links, transitively
# through the public links of those targets.
function(_hubdesk_hub_reach target out)
  set(reach ${target})
  set(todo ${target})
  while(todo)
    list(POP_FRONT todo t)
    get_target_property(libs ${t} LINK_LIBRARIES)
    get_target_property(ilibs ${t} INTERFACE_LINK_LIBRARIES)
    if(t STREQUAL target)
      set(next ${libs} ${ilibs})
    else()
      set(next ${ilibs}) # only what a dependency exposes publicly
    endif()
    foreach(l IN LISTS next)
      if(l MATCHES "^hub_[a-z]+$" AND NOT l IN_LIST reach)
        list(APPEND reach ${l})
        list(APPEND todo ${l})
      endif()
    endforeach()
  endwhile()
  set(${out} ${reach} PARENT_SCOPE)
endfunction()

# Called once at the end of the top-level configuration.
#  - no hub/ target links Qt;
#  - the layering between hub/ targets holds: a file of hub/<x>/ may include "hub/<y>/..." only
#    when hub_<x> links hub_<y> (directly, or through a public link), so e.g. a hub/cache ->
#    hub/api include fails the configuration instead of quietly tying the cache to HTTP.
function(hubdesk_check_hub_targets)
  get_property(targets GLOBAL PROPERTY HUBDESK_HUB_TARGETS)
  foreach(t IN LISTS targets)
    get_target_property(libs ${t} LINK_LIBRARIES)
    get_target_property(ilibs ${t} INTERFACE_LINK_LIBRARIES)
    foreach(l IN LISTS libs ilibs)
      if(l MATCHES "^Qt[0-9]*::")
        message(FATAL_ERROR "hub/ target ${t} links ${l}: the engine must not depend on Qt")
      endif()
    endforeach()
    _hubdesk_hub_reach(${t} reach)
    get_target_property(dir ${t} SOURCE_DIR)
    file(GLOB_RECURSE files "${dir}/*.cpp" "${dir}/*.h")
    foreach(f IN LISTS files)
      file(STRINGS "${f}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*\"hub/[a-z]+/")
      foreach(line IN LISTS lines)
        string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"hub/([a-z]+)/.*" "\\1" part "${line}")
        if(NOT "hub_${part}" IN_LIST reach)
          # The rule first, the path last: CMake wraps long messages, and tests match the rule.
          message(FATAL_ERROR "hub layering: ${t} may not include hub/${part}/ (it does not link hub_${part}); "
                              "link it in ${t}'s CMakeLists.txt if the dependency is intended, and say why. "
                              "File: ${f}")
        endif()
      endforeach()
    endforeach()
  endforeach()
endfunction()

# A library under ui/: Qt Widgets with the string/URL safety defines.
function(hubdesk_add_ui_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC "${PROJECT_SOURCE_DIR}")
  target_link_libraries(${name} PUBLIC Qt6::Widgets ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
  hubdesk_qt_defines(${name})
  hubdesk_target_defaults(${name})
  set_property(GLOBAL APPEND PROPERTY HUBDESK_UI_SOURCES_DIRS "${CMAKE_CURRENT_SOURCE_DIR}")
endfunction()

function(hubdesk_qt_defines target)
  target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
                                               QT_NO_URL_CAST_FROM_STRING QT_USE_QSTRINGBUILDER)
endfunction()

# Registers a Qt Test executable as a ctest test, offscreen, with a timeout.
#   hubdesk_add_qt_test(test_name SOURCES a.cpp LIBS hub_api [TIMEOUT 120] [LABELS slow] [ENV K=V ...])
function(hubdesk_add_qt_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  target_include_directories(${name} PRIVATE "${PROJECT_SOURCE_DIR}" "${PROJECT_SOURCE_DIR}/tests")
  target_compile_definitions(${name} PRIVATE
    HUBDESK_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    HUBDESK_BINARY_DIR="${PROJECT_BINARY_DIR}"
    HUBDESK_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
  hubdesk_target_defaults(${name})
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;${ARG_ENV}")
  hubdesk_make_test_hermetic(${name})
  if(ARG_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
  endif()
endfunction()

# Unsets, for the test `name` of the current directory, the environment variables through which a
# developer's own Hub set-up would leak into it: tokens, endpoint, cache and token locations, the
# offline switch, proxies, CA bundles. A variable the test sets in its ENVIRONMENT stays.
# (CMake 3.25 can only set properties of tests of the current directory, hence the two forms.)
function(hubdesk_make_test_hermetic name)
  set(leaky HF_TOKEN HUGGING_FACE_HUB_TOKEN HF_TOKEN_PATH HF_ENDPOINT HF_HOME HF_HUB_CACHE
            HUGGINGFACE_HUB_CACHE HF_XET_CACHE HF_HUB_OFFLINE HF_HUB_DISABLE_XET XDG_CACHE_HOME
            HTTPS_PROXY https_proxy HTTP_PROXY http_proxy ALL_PROXY all_proxy NO_PROXY no_proxy
            CURL_CA_BUNDLE SSL_CERT_FILE SSL_CERT_DIR REQUESTS_CA_BUNDLE)
  get_test_property(${name} ENVIRONMENT env)
  set(mods "")
  foreach(var IN LISTS leaky)
    if(NOT env MATCHES "(^|;)${var}=")
      list(APPEND mods "${var}=unset:")
    endif()
  endforeach()
  set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT_MODIFICATION ${mods})
endfunction()

# The same for every test registered so far in the current directory (folders whose tests are
# scripts registered with add_test, not hubdesk_add_qt_test, call it at their end).
function(hubdesk_make_directory_tests_hermetic)
  get_property(tests DIRECTORY PROPERTY TESTS)
  foreach(t IN LISTS tests)
    hubdesk_make_test_hermetic(${t})
  endforeach()
endfunction()
