#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace arbor {

/// Keccak-256 as Ethereum uses it (the original padding 0x01, not SHA3-256's 0x06).
QByteArray keccak256(QByteArrayView data);

} // namespace arbor
