#pragma once

#include "error.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>

namespace arbor {

/**
 * One of Arbor's fixed retention policies: what it deletes once it is older than its days.
 * The set is fixed (RetentionStore::policies()); the operator only chooses the days, stored in
 * retention_policies (no row: the default).
 */
struct RetentionPolicy
{
    QString name;                       ///< stable id: "action_results", "queue_completed", …
    QString title;                      ///< as the console lists it
    QString covers;                     ///< what it deletes, in the operator's words
    std::optional<int> defaultDays;     ///< nullopt: kept for ever unless the operator says otherwise
    int minimumDays = 1;
    bool mayKeepForever = true;         ///< whether "never" is allowed
};

/// A policy with the days in force.
struct RetentionSetting
{
    RetentionPolicy policy;
    std::optional<int> days;            ///< nullopt: kept for ever
    bool isDefault = true;              ///< no row: the policy's default applies
    qint64 updatedAt = 0;               ///< when the operator set it (0: default)
};

/**
 * What one policy deletes from one table now: the rows `where` selects (bound `params`) are past
 * their age. Built by RetentionStore::targets() from the settings and the store's clock; a
 * table name and condition from ddl.h and this file only, never from input.
 */
struct RetentionTarget
{
    QString policy;
    QString table;
    QString where;
    QVariantList params;
    QString note;                       ///< why nothing is deleted here (table empty), if so
};

/**
 * Retention over a Store: the fixed policies, their settings, and deleting what is past its age
 * in batches.
 *
 * Rows are past their age when their time is earlier than now − days: a row exactly `days` old
 * stays. What each policy never deletes: queue items that are not completed (pending,
 * processing, failed), trigger deliveries not finished (pending, retrying), alerts not cleared,
 * maintenance runs not finished. Raw events are deleted by their block's timestamp, and only
 * those nothing recounts from: a transfers-mode token's balances are sums of its whole
 * transfer history, so its transfers are kept; a chain whose daily statistics have not yet
 * been counted from its raw rows (aggregate_state) keeps them too, and one whose agents'
 * summaries have not (agents_recounted_at) keeps its ERC-8004 events.
 *
 * deleteBatch() removes at most `batch` rows of one target in one short transaction, so a
 * caller on the writer thread lets other writer work run between batches (Engine does).
 *
 * A cheap view that owns this SQL and no state. Thread: that of the Store it wraps.
 */
class RetentionStore
{
    Q_DECLARE_TR_FUNCTIONS(arbor::RetentionStore)

public:
    static constexpr int DefaultBatch = 2000;
    static constexpr qint64 DayMs = 24LL * 3600 * 1000;

    explicit RetentionStore(Store &store) : m_store(store) {}

    /// Every policy, in the order the console lists them (texts in the current language).
    static QList<RetentionPolicy> policies();
    static std::optional<RetentionPolicy> policy(const QString &name);
    /// Invalid ("--set" style field `field`) naming the policy and the fix, when `days` is not
    /// allowed for the policy `name` or `name` is not a policy.
    static Status validate(const QString &name, std::optional<int> days, const QString &field = QStringLiteral("days"));

    /// Every policy with the days in force.
    Result<QList<RetentionSetting>> settings();
    /// Sets a policy's days (nullopt: keep for ever) after validate(); nothing written when invalid.
    Result<RetentionSetting> setDays(const QString &name, std::optional<int> days);

    /// What the policies delete at the store's now(), one target per table (raw events: per chain).
    Result<QList<RetentionTarget>> targets();
    /// Deletes up to `batch` rows of `target` in one transaction; the number deleted (0 for a
    /// target without a table: one that only says why nothing is deleted).
    Result<qint64> deleteBatch(const RetentionTarget &target, int batch = DefaultBatch);
    /// Every target, batch after batch until none is left: rows deleted per policy (each policy
    /// listed, 0 when nothing was due). For one-shot use; Engine runs the batches as writer jobs.
    Result<QList<std::pair<QString, qint64>>> apply(int batch = DefaultBatch);

private:
    Result<QList<RetentionTarget>> rawEventTargets(qint64 cutoffMs);

    Store &m_store;
};

} // namespace arbor
