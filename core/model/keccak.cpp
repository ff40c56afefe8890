#include "model/keccak.h"

#include <QCryptographicHash>

namespace arbor {

QByteArray keccak256(QByteArrayView data)
{
    // Qt's Keccak_256 keeps the original Keccak padding, as Ethereum does (SHA3-256 is Sha3_256).
    return QCryptographicHash::hash(data, QCryptographicHash::Keccak_256);
}

} // namespace arbor
