#pragma once

#include <QString>

namespace arbor::test {

/**
 * Where this build put the programs the tests start, and where the source tree keeps what they
 * read. Functions, not compile definitions seen by every test: a path in a definition differs in
 * every checkout, so the compiler cache (ccache, shared by the clones on one machine) would miss
 * every file that saw one. Only buildpaths.cpp does, and it is small.
 */
struct BuildPaths
{
    /// The arborctl of this build.
    static QString arborctl();
    /// arborctl with the test hooks (ARBOR_TEST_HOOKS), for the crash-recovery tests.
    static QString arborctlTesthooks();
    /// The top of the source tree.
    static QString sourceDir();
};

} // namespace arbor::test
