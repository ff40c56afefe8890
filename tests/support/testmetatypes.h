#pragma once

// Core types that several tests pass through QTest's data tables, declared once: two
// declarations of one type cannot share a translation unit (a unity build puts several tests
// in one).

#include "error.h"
#include "store/databaseurl.h"

#include <QMetaType>

Q_DECLARE_METATYPE(arbor::Error::Kind)
Q_DECLARE_METATYPE(arbor::Backend)
