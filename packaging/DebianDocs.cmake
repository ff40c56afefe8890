# The files Debian policy wants in every package besides the programs, made at build time and
# installed into the .deb by packaging/CPackConfig.cmake, which includes this file:
#   usr/share/man/man1/arbor.1.gz, arborctl.1.gz   from packaging/man/*.1.in (the version filled in)
#   usr/share/doc/arbor/copyright                  packaging/copyright, machine-readable (DEP-5)
#   usr/share/doc/arbor/changelog.gz               packaging/changelog: the package is native (its
#                                                  version has no Debian revision), so no
#                                                  changelog.Debian.gz
#   usr/share/lintian/overrides/arbor              packaging/lintian-overrides, when it has any
# Compressed with gzip -9n: the best compression, and no name or time stamp in the header, so
# every build makes the same bytes. Building arborctl makes them all (the package always holds
# arborctl), so `--target arborctl arbor` leaves nothing for cpack's install step to miss.

include(GNUInstallDirs)

set(ARBOR_PACKAGING_DIR ${CMAKE_CURRENT_LIST_DIR})
set(ARBOR_PACKAGING_BINARY_DIR ${PROJECT_BINARY_DIR}/packaging)

# Appends to the list OUT_VAR the gzipped copy of SOURCE, made at build time as NAME.gz.
function(arbor_gzip source name out_var)
    set(output ${ARBOR_PACKAGING_BINARY_DIR}/${name}.gz)
    add_custom_command(OUTPUT ${output}
        COMMAND sh -c "gzip -9n < \"$1\" > \"$2\"" sh ${source} ${output}
        DEPENDS ${source}
        COMMENT "Compressing ${name}"
        VERBATIM)
    set(${out_var} ${${out_var}} ${output} PARENT_SCOPE)
endfunction()

set(arbor_package_docs)

set(arbor_manpages arborctl)
if(TARGET arbor)
    list(APPEND arbor_manpages arbor)
endif()
foreach(program IN LISTS arbor_manpages)
    configure_file(${ARBOR_PACKAGING_DIR}/man/${program}.1.in
        ${ARBOR_PACKAGING_BINARY_DIR}/man/${program}.1 @ONLY)
    arbor_gzip(${ARBOR_PACKAGING_BINARY_DIR}/man/${program}.1 man/${program}.1 arbor_package_docs)
    install(FILES ${ARBOR_PACKAGING_BINARY_DIR}/man/${program}.1.gz
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT doc)
endforeach()

arbor_gzip(${ARBOR_PACKAGING_DIR}/changelog changelog arbor_package_docs)
install(FILES ${ARBOR_PACKAGING_BINARY_DIR}/changelog.gz ${ARBOR_PACKAGING_DIR}/copyright
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/arbor COMPONENT doc)

if(EXISTS ${ARBOR_PACKAGING_DIR}/lintian-overrides)
    install(FILES ${ARBOR_PACKAGING_DIR}/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME arbor COMPONENT doc)
endif()

add_custom_target(arbor_package_docs DEPENDS ${arbor_package_docs})
add_dependencies(arborctl arbor_package_docs)
