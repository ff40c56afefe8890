#include "util/englishplurals.h"

namespace arbor {

QString EnglishPlurals::translate(const char *, const char *sourceText, const char *, int n) const
{
    if (n < 0 || !sourceText)
        return QString();
    const QString source = QString::fromUtf8(sourceText);
    if (!source.contains(QLatin1String("(s)")))
        return QString();
    return resolve(source, n);   // %n stays: QCoreApplication::translate() fills it in
}

QString EnglishPlurals::resolve(QString text, int n)
{
    return text.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
}

} // namespace arbor
