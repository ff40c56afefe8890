#pragma once

// The precompiled header of the grouped test programs (arbor_add_test_group in
// tests/CMakeLists.txt): core's (see core/pch.h) and Qt Test's. Headers of Qt and the standard
// library only.

#include "../../core/pch.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
