#pragma once

#include "store/store.h"

#include <QStringList>

namespace arbor::postgresmodule {

/**
 * The PostgreSQL backend is a module, arbor_postgres.so, loaded the first time a PostgreSQL URL
 * is opened. libpq and what it links (LDAP, SASL, GnuTLS, Kerberos: sixteen libraries) then load
 * only in processes that talk to a server; every SQLite process starts without them (arborctl
 * --version: 32 ms with them, 25 ms without, on a two-core host).
 *
 * The module holds only PostgresStore. The rest of arbor_core it calls resolves against the
 * program that loads it, which exports its symbols (CMAKE_ENABLE_EXPORTS): one copy of the core,
 * its logging categories and translations, in every process.
 */

using OpenFunction = Result<std::unique_ptr<Store>> (*)(const DatabaseUrl &url, const QString &password);

/// The build a program and its module must share: ARBOR_BUILD_ID (Arbor's version and the build
/// tree) and ARBOR_CORE_HEADERS_HASH (arbor_buildid.h: the core's headers they were compiled
/// against). Only the files that compile ARBOR_BUILD_ID in expand it.
#define ARBOR_POSTGRES_MODULE_ID ARBOR_BUILD_ID "-" ARBOR_CORE_HEADERS_HASH

/// What the module's one entry point, `const Module *arbor_postgres_module()`, returns.
struct Module
{
    const char *buildId;   ///< ARBOR_POSTGRES_MODULE_ID of the build it came from: only that build's programs use it
    OpenFunction open;
};
using EntryFunction = const Module *(*)();
inline constexpr const char *EntryPoint = "arbor_postgres_module";

/// Where the module is looked for, first to last: beside the installed program
/// (<bin>/../lib/<triplet>/arbor on Debian), then the build tree's lib/arbor, then the install
/// prefix's.
QStringList searchPath();

/// Loads the module from the first folder of `folders` that holds it, once per process (later
/// calls return the first answer). An error names every folder looked in, or the module that
/// failed to load and why (a missing libpq, a module from another build).
Result<OpenFunction> load(const QStringList &folders = searchPath());

/// Store::open() for a PostgreSQL URL.
Result<std::unique_ptr<Store>> open(const DatabaseUrl &url, const QString &password);

} // namespace arbor::postgresmodule
