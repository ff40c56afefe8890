#pragma once

#include <QCoreApplication>

namespace arbor::cli {

/// arborctl's messages, in the translation context "arborctl": `Arborctl::tr("…")`.
struct Arborctl
{
    Q_DECLARE_TR_FUNCTIONS(arborctl)
};

} // namespace arbor::cli
