#include "buildpaths.h"

// The only file that sees these definitions (tests/support/CMakeLists.txt): see buildpaths.h.

namespace arbor::test {

QString BuildPaths::arborctl()
{
    return QStringLiteral(ARBOR_ARBORCTL);
}

QString BuildPaths::arborctlTesthooks()
{
    return QStringLiteral(ARBOR_ARBORCTL_TESTHOOKS);
}

QString BuildPaths::sourceDir()
{
    return QStringLiteral(ARBOR_SOURCE_DIR);
}

} // namespace arbor::test
