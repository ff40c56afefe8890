#pragma once

#include "error.h"
#include "model/chainconfig.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <memory>

namespace arbor {

class EngineContext;

/**
 * Adds one token to a registered chain (DESIGN.md §7) in three hops: the chain is read on the
 * writer (the token must be new to it); its first endpoint's head and the token itself (name,
 * symbol, decimals, deployment block, balance mode) are read on the network thread in one go;
 * the token and the backfill of its history — from the later of the chain's start block and its
 * deployment — are written on the writer in one transaction. No full reindex.
 *
 * Created by ChainService::addToken; deletes itself when done. Thread: the Engine's.
 */
class TokenAddition final : public QObject
{
    Q_OBJECT

public:
    struct Added
    {
        qint64 chainId = 0;
        TokenInfo token;
    };

    TokenAddition(EngineContext &context, ChainRef chain, Address token, QObject *parent = nullptr);

    QFuture<Result<Added>> start();

private:
    void probe(const ChainRecord &chain);
    void write(const ChainRecord &chain, const TokenInfo &token);
    void finish(Result<Added> result);

    EngineContext &m_context;
    const ChainRef m_chain;
    const Address m_token;
    std::shared_ptr<QPromise<Result<Added>>> m_promise;
};

} // namespace arbor
