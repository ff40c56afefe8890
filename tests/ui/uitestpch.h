#pragma once

// The precompiled header of the console's grouped tests: the console's (see ui/pch.h) and
// Qt Test's. Headers of Qt and the standard library only.

#include "../../ui/pch.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
