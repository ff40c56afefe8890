#include "model/balancequeue.h"

namespace arbor {

int queuePriority(BalanceUpdateType type)
{
    switch (type) {
    case BalanceUpdateType::Reorg:
        return 8;
    case BalanceUpdateType::Reindex:
        return 7;
    case BalanceUpdateType::ModeChange:
        return 6;
    case BalanceUpdateType::Transfer:
    case BalanceUpdateType::Manual:
        return 5;
    case BalanceUpdateType::Backfill:
        return 3;
    }
    return 5;
}

QString balanceUpdateTypeName(BalanceUpdateType type)
{
    switch (type) {
    case BalanceUpdateType::Transfer:
        return QStringLiteral("transfer");
    case BalanceUpdateType::Reorg:
        return QStringLiteral("reorg");
    case BalanceUpdateType::Reindex:
        return QStringLiteral("reindex");
    case BalanceUpdateType::Backfill:
        return QStringLiteral("backfill");
    case BalanceUpdateType::ModeChange:
        return QStringLiteral("mode_change");
    case BalanceUpdateType::Manual:
        return QStringLiteral("manual");
    }
    return {};
}

Status QueueConfig::validate() const
{
    auto range = [](const char *field, qint64 value, qint64 low, qint64 high) -> Status {
        if (value >= low && value <= high)
            return {};
        return Error::invalid(QString::fromLatin1(field), tr("%1 is out of range; use a value from %2 to %3.").arg(value).arg(low).arg(high));
    };
    if (Status s = range("batch_size", batchSize, 1, MaxBatchSize); !s)
        return s;
    if (Status s = range("interval_ms", intervalMs, 0, 3600000); !s)
        return s;
    if (Status s = range("max_retries", maxRetries, 0, MaxRetriesLimit); !s)
        return s;
    if (Status s = range("retry_backoff_ms", retryBackoffMs, 0, 3600000); !s)
        return s;
    if (Status s = range("boost_after_ms", boostAfterMs, 0, 7 * 86400000LL); !s)
        return s;
    if (Status s = range("boost_by", boostBy, 0, 9); !s)
        return s;
    if (Status s = range("high_load_pending", highLoadPending, 1, 1000000000); !s)
        return s;
    if (Status s = range("delayed_after_ms", delayedAfterMs, 1000, 7 * 86400000LL); !s)
        return s;
    return range("errors_per_hour", errorsPerHour, 1, 1000000000);
}

QString queueStatusName(QueueStatus status)
{
    switch (status) {
    case QueueStatus::Healthy:
        return QStringLiteral("HEALTHY");
    case QueueStatus::HighLoad:
        return QStringLiteral("HIGH_LOAD");
    case QueueStatus::Delayed:
        return QStringLiteral("DELAYED");
    case QueueStatus::Errors:
        return QStringLiteral("ERRORS");
    case QueueStatus::Disabled:
        return QStringLiteral("DISABLED");
    }
    return {};
}

QueueStatus parseQueueStatus(const QString &text)
{
    for (QueueStatus s : {QueueStatus::Healthy, QueueStatus::HighLoad, QueueStatus::Delayed, QueueStatus::Errors, QueueStatus::Disabled}) {
        if (queueStatusName(s) == text)
            return s;
    }
    return QueueStatus::Healthy;
}

QueueStatus QueueHealth::classify(const QueueHealth &h, const QueueConfig &config)
{
    if (!config.enabled)
        return QueueStatus::Disabled;
    if (h.errorsLastHour > config.errorsPerHour || !h.problems.isEmpty())
        return QueueStatus::Errors;
    if (h.oldestPendingAgeMs > config.delayedAfterMs)
        return QueueStatus::Delayed;
    if (h.pending > config.highLoadPending)
        return QueueStatus::HighLoad;
    return QueueStatus::Healthy;
}

QString TokenBalance::formatted() const
{
    return decimals ? u256::formatUnits(balance, *decimals) : u256::toDecimal(balance);
}

QueueRunStats &QueueRunStats::operator+=(const QueueRunStats &other)
{
    claimed += other.claimed;
    completed += other.completed;
    retried += other.retried;
    failed += other.failed;
    reclaimed += other.reclaimed;
    heldBack += other.heldBack;
    completedIds += other.completedIds;
    return *this;
}

} // namespace arbor
