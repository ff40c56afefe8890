#pragma once

#include "error.h"

#include <QString>

#include <exception>
#include <string>

// How PostgresStore's files turn what the server or libpqxx reports into Arbor's errors.
namespace arbor::postgres {

/// The server's message `what` with its SQLSTATE `state` (empty when unknown) for statement
/// `sql`: a lost connection (`broken`) and connection errors are unavailable, unique and foreign
/// key violations conflicts, the rest internal; the codes keep the server's words.
Error fromServerError(const QString &what, const std::string &state, bool broken, const std::string &sql);
/// A libpqxx exception thrown by statement `sql`, as fromServerError() reads it.
Error fromException(const std::exception &e, const std::string &sql);

} // namespace arbor::postgres
