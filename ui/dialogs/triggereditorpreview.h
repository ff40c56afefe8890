#pragma once

#include "error.h"
#include "triggers/eventpayload.h"
#include "triggers/triggerrecords.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace arbor::ui {

/**
 * The trigger editor's template preview: what the chosen action would send, rendered with
 * renderPayload() from a real stored event (the newest on the chain that meets the editor's
 * conditions, which it reads with TriggerService::previewEvent), or a plain note that none is
 * indexed yet.
 * Rendering is pure and cheap; nothing is sent.
 */
class TriggerEditorPreview final : public QWidget
{
    Q_OBJECT

public:
    explicit TriggerEditorPreview(QWidget *parent = nullptr);

    /// The actions to choose from ("1. REST webhook", …); keeps the choice when it can.
    void setActions(const QStringList &summaries);
    int currentAction() const;
    void setCurrentAction(int index);

    /// The event is being read.
    void showLoading();
    /// The event to render from, and whether it meets the conditions; none: the chain has no
    /// event of the registry yet.
    void setEvent(const arbor::SampleEvent &sample, const QString &registry, const QString &chainName);
    void showReadError(const QString &message);
    bool hasEvent() const { return m_event.has_value(); }

    /// Renders `action` of `trigger` from the event, or says why it cannot.
    void render(const arbor::TriggerDef &trigger, const arbor::Result<arbor::Action> &action, const QString &chainName);
    /// What the preview shows now.
    QString text() const;

Q_SIGNALS:
    void currentActionChanged(int index);

private:
    QComboBox *m_action = nullptr;
    QLabel *m_source = nullptr;
    QPlainTextEdit *m_output = nullptr;
    std::optional<arbor::TriggerEvent> m_event;
};

} // namespace arbor::ui
