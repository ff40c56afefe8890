#pragma once

#include <QLoggingCategory>

/// arbor.engine: the engine, its services and workers.
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
