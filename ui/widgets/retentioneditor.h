#pragma once

#include "error.h"
#include "store/retention.h"

#include <QList>
#include <QWidget>

#include <functional>

class QCheckBox;
class QFormLayout;
class QLabel;
class QSpinBox;

namespace arbor {
class DatabaseService;
}

namespace arbor::ui {

/**
 * The retention policies, edited: per policy its days in a spin box (from the policy's minimum)
 * and, where the policy allows it, "Keep for ever"; each with what it deletes and its default.
 * Read from the DatabaseService when setDatabase() is called; disabled, saying why, without an engine or on
 * a read-only one.
 *
 * save() writes the changed policies through DatabaseService::setRetentionPolicy one after the other,
 * after checking every one (RetentionStore::validate), so a refusal writes nothing.
 *
 * Thread: the GUI thread; it never waits on the engine.
 */
class RetentionEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit RetentionEditor(QWidget *parent = nullptr);

    void setDatabase(arbor::DatabaseService *database);
    /// Whether a policy differs from what was read.
    bool hasChanges() const;
    /// Writes the changes; `done` gets the first refusal, or success once all are written.
    void save(std::function<void(arbor::Status)> done);

    QSpinBox *daysSpin(const QString &policy) const;
    QCheckBox *foreverCheck(const QString &policy) const;

Q_SIGNALS:
    /// The policies were read (or could not be).
    void loaded();

private:
    struct Row
    {
        arbor::RetentionSetting setting;
        QSpinBox *days = nullptr;
        QCheckBox *keepForever = nullptr;
    };
    void showPolicies(const QList<arbor::RetentionSetting> &settings);
    std::optional<int> chosenDays(const Row &row) const;

    arbor::DatabaseService *m_database = nullptr;
    QLabel *m_state = nullptr;
    QWidget *m_form = nullptr;
    QFormLayout *m_formLayout = nullptr;
    QList<Row> m_rows;
    bool m_readOnly = true;
};

} // namespace arbor::ui
