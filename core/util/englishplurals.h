#pragma once

#include <QTranslator>

namespace arbor {

/**
 * English plural forms for the processes that speak English without a catalogue (arborctl,
 * `arborctl serve`, and what an engine stores in English): a text with `%n` written "attempt(s)"
 * comes out "1 attempt", "2 attempts". The console loads its real English catalogue instead, whose
 * forms are written out (arbor_en.ts), and only needs this where that has none.
 *
 * Only "word(s)" is handled: texts meant for it use regular plurals (the console's own texts with
 * irregular ones have their forms in arbor_en.ts).
 */
class EnglishPlurals final : public QTranslator
{
    Q_OBJECT

public:
    using QTranslator::QTranslator;

    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *disambiguation = nullptr, int n = -1) const override;

    /// `text` with each "(s)" resolved for `n`.
    static QString resolve(QString text, int n);
};

} // namespace arbor
