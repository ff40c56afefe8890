#include "engine/engineservice.h"

#include "engine/enginecontext.h"

namespace arbor {

EngineService::EngineService(EngineContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    connect(&context, &EngineContext::stateChanged, this, &EngineService::stateChanged);
}

EngineService::~EngineService() = default;

EngineState EngineService::state() const
{
    return m_context.state();
}

bool EngineService::isReadOnly() const
{
    return m_context.readOnly();
}

} // namespace arbor
