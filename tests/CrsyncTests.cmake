# crsync_add_test(NAME name SOURCES ... LINKS ... [LABELS ...] [TIMEOUT s])
# Every test gets a fresh temporary data dir through CRSYNC_DATA_DIR set by the test itself, and
# the keychain service name CRSYNC_KEYCHAIN_SERVICE so it never touches a user's entries.
function(crsync_add_test)
    cmake_parse_arguments(ARG "" "NAME;TIMEOUT" "SOURCES;LINKS;LABELS" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE ${ARG_LINKS} Qt6::Test)
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${ARG_NAME} PROPERTIES
        TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;CRSYNC_KEYCHAIN_SERVICE=crsync-test;CRSYNC_BINARY=$<TARGET_FILE:crsync>;CRSYNC_TEST_SUPPORT_DIR=${PROJECT_SOURCE_DIR}/tests/support")
endfunction()
