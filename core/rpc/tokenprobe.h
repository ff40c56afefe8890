#pragma once

#include "error.h"
#include "model/chainconfig.h"

#include <QCoreApplication>
#include <QObject>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace arbor {

/**
 * Reads what Arbor needs to know about an ERC-20 token from the chain: name, symbol and
 * decimals by `eth_call`, the deployment block by binary search on `eth_getCode`, and, given
 * the block indexing starts at, how its balances can be computed.
 *
 * name/symbol may be `string` or (older tokens) `bytes32`; a token without them, or without
 * decimals(), is accepted with those fields empty. An address without code is an error. A node
 * that keeps no state for old blocks (not an archive node) cannot tell the deployment block:
 * deployBlock is then empty and deployBlockNote says why.
 *
 * The balance mode is decided from logs, which every node serves: Transfers when no Transfer of
 * the token lies before the start block (searched backwards from it with eth_getLogs, windows
 * halved when the node refuses a range as too large), BalanceOf when one does or when the node
 * would not say. A known deployment block only narrows the search.
 *
 * Thread: lives on the thread of its QNetworkAccessManager; `done` runs there.
 */
class TokenProbe final : public QObject
{
    Q_OBJECT

public:
    explicit TokenProbe(QNetworkAccessManager *network, QObject *parent = nullptr);

    void setTimeout(int ms) { m_timeoutMs = ms; }
    /// `head`: the chain's current block, the upper end of the search. With `startBlock`, also
    /// sets balanceMode and balanceModeReason for a chain indexed from there.
    void probe(const QUrl &rpc, const Address &token, qint64 head, std::optional<qint64> startBlock,
               std::function<void(Result<TokenInfo>)> done);

private:
    QNetworkAccessManager *m_network;
    int m_timeoutMs = 10000;
};

} // namespace arbor
