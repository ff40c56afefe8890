#pragma once

#include "engine/engineoptions.h"

#include <QObject>

namespace arbor {

class EngineContext;

/**
 * What every service an Engine hands out has in common: the engine's state (started,
 * read-only and why, the database it runs on) and its changes, so that a page holding one
 * service shows read-only where the engine is.
 *
 * Services are created and owned by their Engine (private constructors, Engine a friend) and
 * live on its thread; every command returns a QFuture resolved there, every change arrives as
 * a signal. See Engine for the list.
 */
class EngineService : public QObject
{
    Q_OBJECT

public:
    ~EngineService() override;

    EngineState state() const;
    bool isReadOnly() const;

Q_SIGNALS:
    void stateChanged(const arbor::EngineState &state);

protected:
    explicit EngineService(EngineContext &context, QObject *parent = nullptr);

    EngineContext &m_context;
};

} // namespace arbor
