# The Debian package: one .deb, `arbor`, holding the console, arborctl, the desktop files and the
# systemd unit for headless engines.
#
#   cmake --build build/release --target package     or     cpack --config build/release/CPackConfig.cmake
#
# writes arbor_<version>_<arch>.deb into the build directory. Included by the top-level
# CMakeLists.txt after every subdirectory, so the install rules below it are all known.
#
# Only the install components arbor, arborctl, data and doc go into the package: a build with tests
# on (build/tests) packages the same files as a Release build, whatever else has install rules.
# tests/packaging/check-deb.sh builds the package from build/tests, checks it and runs lintian on it.

include(GNUInstallDirs)
# The manual pages, copyright, changelog and lintian overrides: the doc component.
include(${CMAKE_CURRENT_LIST_DIR}/DebianDocs.cmake)
# The systemd unit arbor-serve@.service (component arborctl) and its example environment file.
include(${CMAKE_CURRENT_LIST_DIR}/Systemd.cmake)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME arbor)
set(CPACK_PACKAGE_VENDOR "The Arbor developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# The .deb's long description: lines under 80 characters, as Debian policy asks.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Arbor indexes EVM chains from their JSON-RPC endpoints into a local SQLite"
    "database or a shared PostgreSQL server, keeps cross-chain tables in sync,"
    "maintains token balances through a work queue and fires user-defined"
    "triggers. The console, arbor, shows sync lag, queue depth and RPC health"
    "live; arborctl does everything the console does, headless.")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY arbor)
# RelWithDebInfo (build/tests) or Release: the package carries stripped executables either way.
set(CPACK_STRIP_FILES ON)
# Directories the install step creates are 0755 whatever the umask of whoever runs cpack.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

# Components: everything the package holds, in one .deb.
set(CPACK_COMPONENTS_ALL arborctl doc)
if(TARGET arbor)
    list(APPEND CPACK_COMPONENTS_ALL arbor data)
endif()
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)

# Run-time dependencies: packaging/runtime-packages.txt (packaging/deps.sh reads it too).
# `linked` lines are left to dpkg-shlibdeps, which adds minimum versions; `depends` and
# `recommends` lines are what Qt and QtKeychain load at run time, out of dpkg-shlibdeps' sight.
set(ARBOR_RUNTIME_PACKAGES_FILE ${CMAKE_CURRENT_LIST_DIR}/runtime-packages.txt)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${ARBOR_RUNTIME_PACKAGES_FILE})
file(STRINGS ${ARBOR_RUNTIME_PACKAGES_FILE} _arbor_runtime_lines)
set(_arbor_depends)
set(_arbor_recommends)
foreach(_line IN LISTS _arbor_runtime_lines)
    string(REGEX REPLACE "#.*" "" _line "${_line}")
    string(STRIP "${_line}" _line)
    if(_line MATCHES "^(linked|depends|recommends)[ \t]+(.+)$")
        set(_kind ${CMAKE_MATCH_1})
        string(REGEX REPLACE "[ \t]*\\|[ \t]*" " | " _relation "${CMAKE_MATCH_2}")
        if(_kind STREQUAL "depends")
            list(APPEND _arbor_depends "${_relation}")
        elseif(_kind STREQUAL "recommends")
            list(APPEND _arbor_recommends "${_relation}")
        endif()
    elseif(NOT _line STREQUAL "")
        message(FATAL_ERROR "${ARBOR_RUNTIME_PACKAGES_FILE}: cannot read the line '${_line}'")
    endif()
endforeach()
list(JOIN _arbor_depends ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
list(JOIN _arbor_recommends ", " CPACK_DEBIAN_PACKAGE_RECOMMENDS)

set(ARBOR_PACKAGE_MAINTAINER "The Arbor developers <arbor@example.invalid>"
    CACHE STRING "The Maintainer field of the .deb")

set(CPACK_DEBIAN_PACKAGE_NAME arbor)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # arbor_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${ARBOR_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# `package_source`: the tree without build directories, VCS data or installed npm packages.
set(CPACK_SOURCE_GENERATOR TXZ)
set(CPACK_SOURCE_PACKAGE_FILE_NAME arbor-${PROJECT_VERSION})
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git(/|$)" "/build/" "/node_modules(/|$)" "/\\\\.cache/")

include(CPack)
