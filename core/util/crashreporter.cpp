#include "util/crashreporter.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QStandardPaths>

#include <atomic>
#include <csignal>
#include <cstring>
#include <memory>

#include <execinfo.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace arbor {
namespace {

constexpr int LogLines = 40;
constexpr int LogLineBytes = 400;
constexpr int HeaderBytes = 1024;
constexpr int PathBytes = 4096;
constexpr int FatalSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
constexpr const char SeenSuffix[] = ".seen";

// Everything the handler writes, prepared beforehand: it may not allocate or lock.
char g_path[PathBytes];
char g_header[HeaderBytes];
char g_log[LogLines][LogLineBytes];
std::atomic<unsigned> g_nextLine{0};
std::atomic<bool> g_installed{false};
std::atomic_flag g_reporting = ATOMIC_FLAG_INIT;
QMutex g_logMutex;   // between writers only; the handler reads without it

void writeAll(int fd, const char *text, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, text, size);
        if (n <= 0)
            return;
        text += n;
        size -= size_t(n);
    }
}

void writeText(int fd, const char *text)
{
    writeAll(fd, text, std::strlen(text));
}

void writeNumber(int fd, long value)
{
    char digits[24];
    int i = sizeof digits;
    const bool negative = value < 0;
    unsigned long rest = negative ? 0ul - static_cast<unsigned long>(value) : static_cast<unsigned long>(value);
    do {
        digits[--i] = char('0' + rest % 10);
        rest /= 10;
    } while (rest > 0 && i > 1);
    if (negative)
        digits[--i] = '-';
    writeAll(fd, digits + i, sizeof digits - size_t(i));
}

const char *signalName(int signal)
{
    switch (signal) {
    case SIGSEGV: return "SIGSEGV (invalid memory access)";
    case SIGBUS: return "SIGBUS (bus error)";
    case SIGILL: return "SIGILL (illegal instruction)";
    case SIGFPE: return "SIGFPE (arithmetic error)";
    case SIGABRT: return "SIGABRT (aborted)";
    }
    return "a fatal signal";
}

void onFatalSignal(int signal)
{
    // Another thread faulting while the first reports waits for the first to end the process.
    if (g_reporting.test_and_set()) {
        for (;;)
            ::pause();
    }
    {
        const int fd = ::open(g_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd >= 0) {
            writeText(fd, g_header);
            writeText(fd, "signal: ");
            writeText(fd, signalName(signal));
            writeText(fd, "\nthread: ");
            char thread[17] = {};
            if (::prctl(PR_GET_NAME, thread, 0, 0, 0) == 0)
                writeText(fd, thread);
            writeText(fd, " (tid ");
            writeNumber(fd, long(::gettid()));
            writeText(fd, ")\n\nbacktrace:\n");
            void *frames[64];
            const int depth = ::backtrace(frames, 64);
            ::backtrace_symbols_fd(frames, depth, fd);
            writeText(fd, "\nlast log lines:\n");
            const unsigned next = g_nextLine.load(std::memory_order_relaxed);
            for (unsigned i = next >= LogLines ? next - LogLines : 0; i < next; ++i) {
                writeAll(fd, g_log[i % LogLines], ::strnlen(g_log[i % LogLines], LogLineBytes));
                writeText(fd, "\n");
            }
            ::close(fd);
            writeText(STDERR_FILENO, "\nArbor stopped on ");
            writeText(STDERR_FILENO, signalName(signal));
            writeText(STDERR_FILENO, "; a crash report was written to ");
            writeText(STDERR_FILENO, g_path);
            writeText(STDERR_FILENO, "\n");
        }
    }
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

bool copyInto(char *buffer, size_t size, const QByteArray &text)
{
    if (size_t(text.size()) >= size)
        return false;
    std::memcpy(buffer, text.constData(), size_t(text.size()));
    buffer[text.size()] = '\0';
    return true;
}

} // namespace

QString CrashReporter::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QLatin1String("/crash-reports");
}

bool CrashReporter::install(const QString &directory, QString *error)
{
    if (!QDir().mkpath(directory)) {
        if (error)
            *error = tr("Cannot create the folder for crash reports, %1: check that it is writable.")
                         .arg(QDir::toNativeSeparators(directory));
        return false;
    }
    const QDateTime started = QDateTime::currentDateTimeUtc();
    const QString path = QDir(directory).absoluteFilePath(QStringLiteral("crash-%1-%2.txt")
                                                              .arg(started.toString(QStringLiteral("yyyyMMdd-HHmmss")))
                                                              .arg(QCoreApplication::applicationPid()));
    const QString header = QStringLiteral("Arbor crash report\nprogram: %1 %2\nexecutable: %3\narguments: %4\nstarted: %5\npid: %6\n")
                               .arg(QCoreApplication::applicationName(), QCoreApplication::applicationVersion(),
                                    QCoreApplication::applicationFilePath(),
                                    QCoreApplication::arguments().mid(1).join(u' ').left(300),
                                    started.toString(Qt::ISODate), QString::number(QCoreApplication::applicationPid()));
    if (!copyInto(g_path, sizeof g_path, QFile::encodeName(path)) || !copyInto(g_header, sizeof g_header, header.toUtf8())) {
        if (error)
            *error = tr("The crash report path %1 is too long.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    // backtrace() loads its unwinder on first use: do that now, not inside the handler.
    void *frames[4];
    ::backtrace(frames, 4);

    prepareThread();

    struct sigaction action = {};
    action.sa_handler = onFatalSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK;
    for (int signal : FatalSignals)
        ::sigaction(signal, &action, nullptr);
    g_installed = true;
    return true;
}

void CrashReporter::prepareThread()
{
    // The handler runs on an alternate stack of the faulting thread, so a stack overflow can
    // still be reported. One per thread, kept for the thread's life.
    thread_local std::unique_ptr<char[]> alternateStack;
    if (alternateStack)
        return;
    constexpr size_t StackBytes = 64 * 1024;
    alternateStack = std::make_unique<char[]>(StackBytes);
    stack_t stack = {};
    stack.ss_sp = alternateStack.get();
    stack.ss_size = StackBytes;
    ::sigaltstack(&stack, nullptr);
}

void CrashReporter::keepLogLines()
{
    static QtMessageHandler previous = nullptr;
    previous = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &text) {
        rememberLogLine(QDateTime::currentDateTime().toString(Qt::ISODateWithMs) + u' '
                        + QString::fromUtf8(context.category ? context.category : "default") + QLatin1String(": ") + text);
        if (previous)
            previous(type, context, text);
    });
}

void CrashReporter::rememberLogLine(const QString &line)
{
    if (!g_installed.load(std::memory_order_relaxed))
        return;
    const QByteArray text = line.toUtf8().left(LogLineBytes - 1);
    const QMutexLocker lock(&g_logMutex);
    const unsigned slot = g_nextLine.load(std::memory_order_relaxed) % LogLines;
    std::memcpy(g_log[slot], text.constData(), size_t(text.size()));
    g_log[slot][text.size()] = '\0';
    g_nextLine.fetch_add(1, std::memory_order_release);
}

QStringList CrashReporter::unseenReports(const QString &directory)
{
    QStringList reports;
    const QFileInfoList files = QDir(directory).entryInfoList({QStringLiteral("crash-*.txt")}, QDir::Files, QDir::Name);
    for (const QFileInfo &file : files) {
        if (file.size() > 0 && !QFileInfo::exists(file.absoluteFilePath() + QLatin1String(SeenSuffix)))
            reports.append(file.absoluteFilePath());
    }
    return reports;
}

void CrashReporter::markSeen(const QString &report)
{
    QFile seen(report + QLatin1String(SeenSuffix));
    if (seen.open(QIODevice::WriteOnly))
        seen.close();
}

QString CrashReporter::unseenNotice(const QStringList &reports)
{
    if (reports.isEmpty())
        return {};
    return tr("Arbor stopped unexpectedly (%n time(s) since a report was last shown). The newest crash report is "
              "%1: it holds the backtrace and the last log lines; please send it with a word on what was happening.",
              nullptr, int(reports.size()))
        .arg(QDir::toNativeSeparators(reports.last()));
}

} // namespace arbor
