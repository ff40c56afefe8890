# How long the long tests take, in seconds, as a clean clone's CI run on two cores measured them:
# the main suite, then the ThreadSanitizer run (0: not in that run). Each becomes the test's COST,
# so ctest starts the longest first. Without costs a fresh clone (no CTestCostData.txt yet) starts
# tests in the order they were added: the 3-minute soak and the longest ThreadSanitizer suite
# started last, and ran alone at the end while the other slots sat idle.
#
# Each directory that adds tests calls `cmake_language(DEFER CALL arbor_set_test_costs)` first
# (set_tests_properties reaches only the tests of the directory it runs in). A test not listed
# keeps ctest's default cost; the figures need only be roughly right.
set(ARBOR_TEST_COSTS
    soak                          188    0
    soak_postgres                 190    0
    balances_postgres             114    0
    outages_postgres               98    0
    outages_sqlite                 95  131
    balances_sqlite                73  417
    providers_postgres             72    0
    providers_sqlite               71  130
    faults_postgres                63    0
    engines_postgres               56  388
    faults_sqlite                  54   94
    lifecycle_postgres             53    0
    chainedit_postgres             33    0
    ui_consoletexts                33    0
    alertdelivery_postgres         32    0
    indexing_postgres              31    0
    triggerdelivery_postgres       29    0
    triggerdelivery_sqlite         29   75
    triggers_postgres              29    0
    ui_devnetrecovery              26    0
    ui_pseudolocale                25    0
    agents_postgres                24    0
    agents_sqlite                  24   56
    deliveryschedule_postgres      24    0
    deliveryschedule_sqlite        22   26
    indexing_sqlite                22   77
    ui_alerts                      22    0
    alertdelivery_sqlite           21   85
    ui_chaindetail                 21    0
    triggers_sqlite                20  109
    reorgguard_postgres            19    0
    devnet                         17    0
    packaging_deb                  16    0
    backup_postgres                15   73
    ui_addchainwizard              15    0
    chainedit_sqlite               14  154
    localdevnet                    14   14
    lifecycle_sqlite               12  138
    queue_postgres                 12   30
    rpccalls_postgres              12    0
    sparsechain_postgres           12    0
    unit_endpointpool              11    0
    backup_sqlite                  10   40
    enginestore_postgres           10   18
    metricsendpoint_postgres       10   17
    rpccalls_sqlite                10   44
    sparsechain_sqlite             10   29
    leasekeeper_postgres            9   13
    ui_aggregatecharts              9    0
    maintenancerunner_postgres      8   18
    triggerstore_postgres           8    0
    unit_actionsenders              8    0
)

function(arbor_set_test_costs)
    get_property(tests DIRECTORY PROPERTY TESTS)
    set(column 1)
    if(ARBOR_SANITIZE STREQUAL "thread")
        set(column 2)
    endif()
    list(LENGTH ARBOR_TEST_COSTS count)
    foreach(i RANGE 0 ${count} 3)
        if(i EQUAL count)
            break()
        endif()
        list(GET ARBOR_TEST_COSTS ${i} name)
        math(EXPR at "${i} + ${column}")
        list(GET ARBOR_TEST_COSTS ${at} seconds)
        if(name IN_LIST tests AND seconds GREATER 0)
            set_tests_properties(${name} PROPERTIES COST ${seconds})
        endif()
    endforeach()
endfunction()
