// arbor_soak: the console left running (tests/soak/soakrun.h). Usage:
//   arbor_soak [MINUTES]          (default: $ARBOR_SOAK_MINUTES, else 3)
// inside a private D-Bus session with an unlocked keyring (tests/support/with-keyring.sh); on
// SQLite, or with ARBOR_TEST_BACKEND=postgres on the server ARBOR_TEST_PG_URL names.
// Exits 0 when every check passed, 1 when one failed, 2 when it could not start, 77 when the
// devnet is not installed or PostgreSQL is asked for without ARBOR_TEST_PG_URL (outside CI); a
// crash ends it with the signal after printing where.

#include "buildpaths.h"
#include "devnet.h"
#include "testdatabase.h"
#include "util/heapsettings.h"
#include "soakrun.h"

#include <QApplication>
#include <QLocale>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>

#include <execinfo.h>
#include <sys/prctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

timespec g_started{};

// Where and when it died, for the report; then the default action (a core, ctest's "SEGFAULT").
void onFatalSignal(int signal)
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    char thread[17] = {};
    prctl(PR_GET_NAME, thread, 0, 0, 0);
    char head[256];
    const int n = std::snprintf(head, sizeof head, "\nsoak: CRASH: signal %d (%s) in thread \"%s\", %ld s into the run\n",
                                signal, strsignal(signal), thread, long(now.tv_sec - g_started.tv_sec));
    [[maybe_unused]] auto written = ::write(STDERR_FILENO, head, std::size_t(n));
    void *frames[64];
    backtrace_symbols_fd(frames, backtrace(frames, 64), STDERR_FILENO);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

void installCrashReport()
{
    clock_gettime(CLOCK_MONOTONIC, &g_started);
    static char alternateStack[64 * 1024];
    stack_t stack{};
    stack.ss_sp = alternateStack;
    stack.ss_size = sizeof alternateStack;
    sigaltstack(&stack, nullptr);
    struct sigaction action{};
    action.sa_handler = onFatalSignal;
    action.sa_flags = SA_ONSTACK | SA_RESETHAND;
    sigemptyset(&action.sa_mask);
    for (int s : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL})
        sigaction(s, &action, nullptr);
}

} // namespace

int main(int argc, char **argv)
{
    installCrashReport();
    // As the console's main() does, so that the soak measures the console's memory.
    arbor::shareFewHeaps();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QCoreApplication::setOrganizationName(u"Arbor"_s);
    QCoreApplication::setApplicationName(u"arbor"_s);
    QApplication app(argc, argv);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    arbor::soak::SoakOptions options;
    const QStringList args = QCoreApplication::arguments();
    const QString minutes = args.size() > 1 ? args.at(1) : qEnvironmentVariable("ARBOR_SOAK_MINUTES", u"3"_s);
    bool ok = false;
    options.minutes = minutes.toDouble(&ok);
    if (!ok || options.minutes <= 0) {
        std::fprintf(stderr, "usage: arbor_soak [MINUTES]  (MINUTES > 0, got \"%s\")\n", qPrintable(minutes));
        return 2;
    }
    if (qEnvironmentVariableIsSet("ARBOR_SOAK_RSS_GROWTH_MB"))
        options.rssGrowthLimitMiB = qEnvironmentVariable("ARBOR_SOAK_RSS_GROWTH_MB").toDouble();
    options.settingsFirst = qEnvironmentVariableIntValue("ARBOR_SOAK_SETTINGS_FIRST") != 0;
    options.arborctl = qEnvironmentVariable("ARBOR_SOAK_ARBORCTL", arbor::test::BuildPaths::arborctl());

    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        std::fprintf(stderr, "soak: no D-Bus session: run it through tests/support/with-keyring.sh (or tests/soak/run.sh)\n");
        return 2;
    }
    if (const QString missing = arbor::test::Devnet::unavailableReason(); !missing.isEmpty()) {
        std::fprintf(stderr, "soak: %s\n", qPrintable(missing));
        return arbor::test::Devnet::requiredByEnvironment() ? 2 : 77;
    }
    if (const QString missing = arbor::test::TestDatabase::unavailableReason(); !missing.isEmpty()) {
        std::fprintf(stderr, "soak: %s\n", qPrintable(missing));
        return qEnvironmentVariableIsSet("CI") ? 2 : 77;   // as the integration tests: CI runs every backend
    }

    arbor::soak::SoakRun soak(options);
    QString error;
    if (!soak.setUp(&error)) {
        std::fprintf(stdout, "soak: FAILED: set-up: %s\n", qPrintable(error));
        return 2;
    }
    installCrashReport();   // its clock from here: seconds into the run
    return soak.run();
}
