#pragma once

// The main() of a Qt Test program that is one of several in a grouped executable
// (arbor_add_test_group in tests/CMakeLists.txt). ARBOR_TEST_MAIN(name, TestClass) is
// QTEST_MAIN(TestClass) under the name arbor_test_main_<name>, which the group's generated
// main() calls for `EXE <name> [Qt Test arguments]`; ARBOR_GUILESS_TEST_MAIN is
// QTEST_GUILESS_MAIN's. A program with a main() of its own names it arbor_test_main_<name>.
//
// Why not rename main with -Dmain=…: a macro defined on the command line makes GCC refuse the
// group's precompiled header.

#include <QStringList>
#include <QTest>

namespace arbor::test {

/// The arguments that start this test program again as a child process of
/// QCoreApplication::applicationFilePath(): the program's name in its group first (the group's
/// main() sets ARBOR_TEST_PROGRAM), then `arguments`.
inline QStringList programArguments(const QStringList &arguments)
{
    const QString program = qEnvironmentVariable("ARBOR_TEST_PROGRAM");
    return program.isEmpty() ? arguments : QStringList{program} + arguments;
}

} // namespace arbor::test

#define ARBOR_TEST_MAIN_WITH(name, TestObject, ...)                                                \
    int arbor_test_main_##name(int argc, char *argv[])                                             \
    {                                                                                              \
        QT_PREPEND_NAMESPACE(QTest::Internal::callInitMain)<TestObject>();                         \
        __VA_ARGS__                                                                                \
        TestObject tc;                                                                             \
        QTEST_SET_MAIN_SOURCE_PATH                                                                 \
        return QTest::qExec(&tc, argc, argv);                                                      \
    }

#define ARBOR_TEST_MAIN(name, TestObject) ARBOR_TEST_MAIN_WITH(name, TestObject, QTEST_MAIN_SETUP())
#define ARBOR_GUILESS_TEST_MAIN(name, TestObject) \
    ARBOR_TEST_MAIN_WITH(name, TestObject, QTEST_QAPP_SETUP(QCoreApplication))
