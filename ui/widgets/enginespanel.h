#pragma once

#include "error.h"

#include <QFuture>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace arbor {
class ChainService;
class RosterService;
struct EngineRecord;
struct EngineState;
}

namespace arbor::ui {

class EngineListModel;
class RefreshThrottle;

/**
 * The engines that index this database's chains (RosterService): this console and each
 * `arborctl serve` on a shared PostgreSQL database, their state, chains and heartbeats, and the
 * operator's verbs on the selected one: Drain (after a confirmation: it gives its chains to the
 * others and takes none until resumed), Resume, and Move a Chain Here… (an active chain it does
 * not index yet, by name).
 *
 * A database one engine serves (SQLite, or a console that does not index) says so instead of
 * showing the table and the verbs. The list is read every RefreshMs while the panel is visible
 * (RefreshThrottle: never two reads at once), at once after a verb and when a lease of this
 * console's engine is taken, handed over or lost. Verbs run on the Engine's writer; their result
 * or error shows in the status line. The GUI thread never waits.
 *
 * Self-contained: a page embeds it with `new EnginesPanel(roster, chains, parent)`; both
 * services must outlive it. Thread: the GUI thread.
 */
class EnginesPanel final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int RefreshMs = 2000;

    EnginesPanel(arbor::RosterService *roster, arbor::ChainService *chains, QWidget *parent = nullptr);

    /// Reads the list again now, or as soon as the read under way is back.
    void refresh();
    EngineListModel *model() const { return m_model; }

private:
    bool read();
    void applyEngineState(const arbor::EngineState &state);
    void updateButtons();
    const arbor::EngineRecord *selectedEngine() const;
    void confirmDrain();
    void resume();
    void chooseChainToMove();
    /// Runs `verb`, then shows `done` or `failed(why)` and reads the list again.
    void runVerb(const QFuture<arbor::Status> &verb, const QString &done, const std::function<QString(const QString &)> &failed);
    void showStatus(const QString &text, bool error = false);

    arbor::RosterService *m_roster = nullptr;
    arbor::ChainService *m_chains = nullptr;
    EngineListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_intro = nullptr;
    QTableView *m_view = nullptr;
    QWidget *m_verbs = nullptr;
    QPushButton *m_drainButton = nullptr;
    QPushButton *m_resumeButton = nullptr;
    QPushButton *m_moveButton = nullptr;
    QLabel *m_status = nullptr;
    RefreshThrottle *m_refresh = nullptr;
    bool m_shared = false;
    bool m_readOnly = true;
    bool m_busy = false;            ///< a verb is under way: the verbs wait for it
    bool m_readFailed = false;      ///< the status line shows why the last read failed
};

} // namespace arbor::ui
