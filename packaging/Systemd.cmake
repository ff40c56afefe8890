# The systemd unit for headless engines, installed into the .deb by packaging/CPackConfig.cmake,
# which includes this file:
#   lib/systemd/system/arbor-serve@.service          packaging/systemd/arbor-serve@.service: one
#                                                    `arborctl serve --engine-name NAME` per instance
#   usr/share/doc/arbor/arbor-engine.env.example     what /etc/arbor/NAME.env holds
# The unit goes with arborctl (component arborctl), the example with the documents (doc).
# /lib/systemd/system: where Debian 12's packages (debhelper's dh_installsystemd) put their units.
# An absolute destination ignores the install prefix: a `cmake --install` into a private prefix
# points ARBOR_SYSTEMD_UNIT_DIR elsewhere.

include(GNUInstallDirs)

set(ARBOR_SYSTEMD_UNIT_DIR /lib/systemd/system CACHE PATH "Where the systemd unit arbor-serve@.service is installed")

install(FILES ${CMAKE_CURRENT_LIST_DIR}/systemd/arbor-serve@.service
    DESTINATION ${ARBOR_SYSTEMD_UNIT_DIR} COMPONENT arborctl)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/systemd/arbor-engine.env.example
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/arbor COMPONENT doc)
