// ThreadSanitizer's view of Qt's hand-overs between threads.
//
// Debian's Qt is not built with ThreadSanitizer, so the locks and atomics with which Qt hands an
// event, a signal's arguments or a finished future from one thread to another are invisible to
// it: data written before a queued call and read by the slot looks like a race. This library is
// preloaded (LD_PRELOAD, tests/sanitize.sh thread) in front of libQt6Core and wraps the Qt entry
// points through which Arbor's code hands work across threads, telling ThreadSanitizer about the
// ordering Qt guarantees:
//
//   hand-over (release)                          taken over (acquire)
//   QMetaObject::activate (a signal)             QCoreApplication::notify (any event is
//                                                  delivered, on any thread)
//   QMetaObject::invokeMethodImpl, postEvent,
//   QTimer::singleShotImpl
//   a functor is handed to Qt                    each of its runs and its destruction, on any
//     (QObject::connectImpl, singleShotImpl)       thread (the functor's dispatch is swapped
//                                                  when Qt is handed it)
//   a connection's or timer's functor returns    its destruction, on any thread
//   QFutureInterfaceBase::reportFinished,        QFutureInterfaceBase::waitForFinished,
//     reportResultsReady                           isFinished (true), waitForResult
//   QFutureInterfaceBase::derefT (every holder)  derefT returning false (the last holder
//                                                  frees the results)
//   ~QFutureInterfaceBase (every holder)         ~QFutureInterfaceBase (the last holder frees
//                                                  the shared state, its mutex included)
//   QSemaphore::release                          QSemaphore::acquire, tryAcquire (true)
//   QWaitCondition::wakeOne, wakeAll             QWaitCondition::wait (which also gives up and
//                                                  retakes its QMutex, as the inline
//                                                  QMutex::unlock and lock annotate it)
//   QBasicMutex::unlockInternal                  QBasicMutex::lockInternal (contended QMutex)
//   QReadWriteLock::unlock                       QReadWriteLock::lockFor*, tryLockFor* (true)
//   QThread::exec returns, QThread::exit/quit    QThread::wait (true)
//
// Queued calls and signals are modelled by one "Qt event queue" synchronisation object: a
// delivered event is ordered after every hand-over made before it, from any thread. That is what
// Qt guarantees for the events of one thread and more than it guarantees across threads, so a
// race between two threads that only talk through unrelated events can be missed; a race on data
// shared without any hand-over is still reported. Locks, semaphores and futures are modelled per
// object, as exactly as Qt's own. Calls made inside libQt6Core bind directly and are not
// wrapped; only calls from Arbor's code (and the templates it instantiates) pass through here.
//
// Built only with -DARBOR_SANITIZE=thread. Not instrumented itself; without ThreadSanitizer in the
// process (a preloaded child such as node or postgres) every wrapper only forwards.

#include <QtCore/private/qfutureinterface_p.h>
#include <QtCore/private/qobject_p.h>

#include <dlfcn.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <unordered_map>

class QDeadlineTimer;
namespace QtPrivate { class QSlotObjectBase; }

extern "C" {
void __tsan_acquire(void *addr) __attribute__((weak));
void __tsan_release(void *addr) __attribute__((weak));
void __tsan_write_range(void *addr, unsigned long size) __attribute__((weak));
void __tsan_mutex_pre_unlock(void *addr, unsigned flags) __attribute__((weak));
void __tsan_mutex_post_unlock(void *addr, unsigned flags) __attribute__((weak));
void __tsan_mutex_pre_lock(void *addr, unsigned flags) __attribute__((weak));
void __tsan_mutex_post_lock(void *addr, unsigned flags, int recursion) __attribute__((weak));
}

namespace {

char qtEventQueue; // the address standing for "Qt's event queues"

void release(void *addr)
{
    if (__tsan_release)
        __tsan_release(addr);
}

void acquire(void *addr)
{
    if (__tsan_acquire)
        __tsan_acquire(addr);
}

// A QMutex's owner as ThreadSanitizer knows it: Arbor's code locks and unlocks through Qt's
// inline QBasicMutex::lock()/unlock(), which annotate both (qtsan_impl.h), but QWaitCondition::wait
// unlocks and relocks the mutex inside libQt6Core, unseen. Without these the waiting thread
// still holds the mutex in ThreadSanitizer's eyes, and the next thread to lock it is reported as
// a double lock.
void mutexUnlocked(void *mutex)
{
    if (__tsan_mutex_pre_unlock && __tsan_mutex_post_unlock) {
        __tsan_mutex_pre_unlock(mutex, 0);
        __tsan_mutex_post_unlock(mutex, 0);
    }
}

void mutexLocked(void *mutex)
{
    if (__tsan_mutex_pre_lock && __tsan_mutex_post_lock) {
        __tsan_mutex_pre_lock(mutex, 0);
        __tsan_mutex_post_lock(mutex, 0, 0);
    }
}

// The next definition of a Qt symbol after this library: libQt6Core's.
template<typename Fn>
Fn real(const char *mangled)
{
    void *fn = dlvsym(RTLD_NEXT, mangled, "Qt_6");
    if (!fn)
        fn = dlsym(RTLD_NEXT, mangled);
    if (!fn) {
        std::fprintf(stderr, "arbor tsan bridge: %s not found in Qt\n", mangled);
        std::abort();
    }
    return reinterpret_cast<Fn>(fn);
}

// Resolved once per wrapper; a function-local static is thread-safe.
#define ARBOR_REAL(type, mangled) static const auto next = real<type>(mangled)

// Every wrapper below is exported with the version Qt's own symbols carry (qtbridge.map), so a
// reference to "…@Qt_6" from Arbor's code binds here first.
#define ARBOR_EXPORT extern "C" __attribute__((visibility("default")))
#define Q_UNUSED_BRIDGE(x) (void)(x)

} // namespace

// ---- queued calls, signals and posted events ----------------------------------------------

ARBOR_EXPORT void _ZN11QMetaObject8activateEP7QObjectPKS_iPPv(QObject *sender, const QMetaObject *m,
                                                               int index, void **argv)
{
    ARBOR_REAL(void (*)(QObject *, const QMetaObject *, int, void **), "_ZN11QMetaObject8activateEP7QObjectPKS_iPPv");
    release(&qtEventQueue);
    next(sender, m, index, argv);
    // Again once it returns: a queued connection's arguments are copied inside activate, after
    // the release above, and the receiver reads the copies.
    release(&qtEventQueue);
}

ARBOR_EXPORT void _ZN11QMetaObject8activateEP7QObjectiPPv(QObject *sender, int index, void **argv)
{
    ARBOR_REAL(void (*)(QObject *, int, void **), "_ZN11QMetaObject8activateEP7QObjectiPPv");
    release(&qtEventQueue);
    next(sender, index, argv);
    // Again once it returns: a queued connection's arguments are copied inside activate, after
    // the release above, and the receiver reads the copies.
    release(&qtEventQueue);
}

ARBOR_EXPORT void _ZN11QMetaObject8activateEP7QObjectiiPPv(QObject *sender, int offset, int index, void **argv)
{
    ARBOR_REAL(void (*)(QObject *, int, int, void **), "_ZN11QMetaObject8activateEP7QObjectiiPPv");
    release(&qtEventQueue);
    next(sender, offset, index, argv);
    // Again once it returns: a queued connection's arguments are copied inside activate, after
    // the release above, and the receiver reads the copies.
    release(&qtEventQueue);
}

namespace {
// QtPrivate::QSlotObjectBase as Qt 6.4 lays it out: a reference count and the function that calls
// or destroys the functor.
struct SlotObject
{
    std::atomic<int> ref;
    void (*impl)(int which, SlotObject *self, QObject *receiver, void **args, bool *ret);
};
constexpr int DestroySlot = 0;
constexpr int CallSlot = 1;
using SlotImpl = void (*)(int, SlotObject *, QObject *, void **, bool *);

// The functor of a connection or a timer is reference counted by Qt and destroyed by whichever
// thread lets go of it last: the thread that destroys the sender or the receiver, or the one
// that delivered its last queued call, while another thread may have been the one to run it. Qt's
// count orders every run before the destruction, invisibly. The functor's own dispatch function is
// swapped, when Qt is handed the functor, for one that states that order: each run hands over
// (release) when it returns, and the destruction takes over (acquire) before the functor's
// destructor runs. Runs on different threads are not ordered with each other by this. Being
// handed to Qt is a hand-over too, on a synchronisation object of its own (handedOver()), taken
// over by every run and by the destruction, so that it orders no run after another: the functor
// is built on the connecting thread and may first run, or be destroyed, on the thread that emits
// the signal, with nothing else between them (QtFuture::connect on QThread::finished, whose
// functor the finishing thread runs and destroys after the connecting thread's quit()).
/// The synchronisation object of a functor's hand-over to Qt: the byte after the functor's start.
void *handedOver(SlotObject *slot)
{
    return reinterpret_cast<char *>(slot) + 1;
}

struct SlotTable
{
    std::mutex lock;
    std::unordered_map<SlotObject *, SlotImpl> impls;
};

SlotTable &slotTable()
{
    static SlotTable *table = new SlotTable; // never destroyed: functors die during exit too
    return *table;
}

void bridgedSlot(int which, SlotObject *self, QObject *receiver, void **args, bool *ret)
{
    SlotImpl impl = nullptr;
    {
        SlotTable &table = slotTable();
        std::lock_guard<std::mutex> locker(table.lock);
        const auto it = table.impls.find(self);
        if (it == table.impls.end()) {
            std::fprintf(stderr, "arbor tsan bridge: a functor Qt calls was never handed to it\n");
            std::abort();
        }
        impl = it->second;
        if (which == DestroySlot)
            table.impls.erase(it);
    }
    acquire(handedOver(self));
    if (which == DestroySlot)
        acquire(self);
    impl(which, self, receiver, args, ret);
    if (which == CallSlot)
        release(self);
}

void bridgeSlot(SlotObject *slot)
{
    if (!slot || !__tsan_acquire)
        return;
    SlotTable &table = slotTable();
    std::lock_guard<std::mutex> locker(table.lock);
    table.impls[slot] = slot->impl;
    slot->impl = &bridgedSlot;
    release(handedOver(slot));
}
} // namespace

ARBOR_EXPORT QMetaObject::Connection _ZN7QObject11connectImplEPKS_PPvS1_S3_PN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPKiPK11QMetaObject(
    const QObject *sender, void **signal, const QObject *receiver, void **slotPointer, SlotObject *slot, int type,
    const int *types, const QMetaObject *senderMetaObject)
{
    ARBOR_REAL(QMetaObject::Connection (*)(const QObject *, void **, const QObject *, void **, SlotObject *, int, const int *,
                                           const QMetaObject *),
               "_ZN7QObject11connectImplEPKS_PPvS1_S3_PN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPKiPK11QMetaObject");
    bridgeSlot(slot);
    return next(sender, signal, receiver, slotPointer, slot, type, types, senderMetaObject);
}

ARBOR_EXPORT bool _ZN11QMetaObject16invokeMethodImplEP7QObjectPN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPv(
    QObject *object, SlotObject *slot, int type, void *ret)
{
    ARBOR_REAL(bool (*)(QObject *, SlotObject *, int, void *),
               "_ZN11QMetaObject16invokeMethodImplEP7QObjectPN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPv");
    release(&qtEventQueue);
    // The functor is destroyed by whichever thread lets go of it last: here, once a blocking call
    // has returned (the receiver ran it), or on the receiver's thread after a queued call. Qt's
    // reference count is invisible, so hold the functor past Qt's own release of it and, when
    // this thread turns out to be the last, take over what the receiver did before destroying it.
    Q_UNUSED_BRIDGE(type);
    slot->ref.fetch_add(1, std::memory_order_relaxed);
    const bool invoked = next(object, slot, type, ret);
    if (slot->ref.fetch_sub(1, std::memory_order_acq_rel) == 1) {
        acquire(&qtEventQueue);
        slot->impl(DestroySlot, slot, nullptr, nullptr, nullptr);
    }
    return invoked;
}

ARBOR_EXPORT void _ZN16QCoreApplication9postEventEP7QObjectP6QEventi(QObject *receiver, QEvent *event, int priority)
{
    ARBOR_REAL(void (*)(QObject *, QEvent *, int), "_ZN16QCoreApplication9postEventEP7QObjectP6QEventi");
    release(&qtEventQueue);
    next(receiver, event, priority);
}

ARBOR_EXPORT void _ZN6QTimer14singleShotImplEiN2Qt9TimerTypeEPK7QObjectPN9QtPrivate15QSlotObjectBaseE(
    int msec, int timerType, const QObject *receiver, QtPrivate::QSlotObjectBase *slot)
{
    ARBOR_REAL(void (*)(int, int, const QObject *, QtPrivate::QSlotObjectBase *),
               "_ZN6QTimer14singleShotImplEiN2Qt9TimerTypeEPK7QObjectPN9QtPrivate15QSlotObjectBaseE");
    release(&qtEventQueue);
    bridgeSlot(reinterpret_cast<SlotObject *>(slot));
    next(msec, timerType, receiver, slot);
}

// Taken over: Qt hands every event of every thread to the application object's notify() before
// the receiver sees it, through the application class's vtable. Calls inside libQt6Core bind
// directly, so the vtables themselves are patched once, when this library is loaded: the notify
// slot of QCoreApplication, QGuiApplication and QApplication (those in the process) is pointed
// at a wrapper that first takes over everything handed over before it.
namespace {

using Notify = bool (*)(QObject *, QObject *, QEvent *);

} // namespace

// A queued call's arguments are copies Qt makes inside QMetaObject::activate, on the sender's
// thread, after the hand-over activate's wrapper can state: no point of Arbor's or this bridge's
// code lies between the copy and the post. The receiver reads them in the slot. So the
// receiving thread takes the copies over as its own before the slot runs (a write of their
// bytes in its name). That write meets Qt's copy on the sender's thread; tests/tsan.supp names
// this function for it, and only it: every later access to the arguments, the slot's included, is
// checked against the receiver's write. A blocking queued call's arguments are the caller's
// own (nargs 0 here): nothing to take over.
namespace {
// QMetaCallEvent as Qt 6.4's qobject_p.h lays it out; its members are private there. The size
// check fails the build should Qt's layout change.
struct MetaCallLayout : QAbstractMetaCallEvent
{
    struct Data
    {
        void *slotObj;
        void **args;               // [0] the return value, then the arguments
        void *callFunction;
        int nargs;                 // 0 for a blocking call: its arguments are the caller's
        unsigned short methodOffset;
        unsigned short methodRelative;
    } d;
    alignas(void *) char prealloc[3 * sizeof(void *) + 3 * sizeof(QMetaType)];
};
static_assert(sizeof(MetaCallLayout) == sizeof(QMetaCallEvent), "QMetaCallEvent's layout is not Qt 6.4's");
} // namespace

extern "C" __attribute__((noinline, visibility("default"))) void arborTsanTakeOverQueuedArguments(QEvent *event)
{
    if (!__tsan_write_range)
        return;
    const auto *call = reinterpret_cast<const MetaCallLayout *>(static_cast<QMetaCallEvent *>(event));
    if (call->d.nargs <= 1 || !call->d.args)
        return;
    const auto *types = reinterpret_cast<const QMetaType *>(call->d.args + call->d.nargs);
    for (int i = 1; i < call->d.nargs; ++i) {
        if (call->d.args[i] && types[i].isValid())
            __tsan_write_range(call->d.args[i], static_cast<unsigned long>(types[i].sizeOf()));
    }
}

namespace {

template<int Class>
struct NotifyWrapper
{
    static inline Notify next = nullptr;
    static bool notify(QObject *self, QObject *receiver, QEvent *event)
    {
        acquire(&qtEventQueue);
        if (event->type() == QEvent::MetaCall)
            arborTsanTakeOverQueuedArguments(event);
        const bool accepted = next(self, receiver, event);
        release(&qtEventQueue); // what the receiver did is seen by a blocking caller
        return accepted;
    }
};

template<int Class>
void patchNotify(const char *vtableSymbol, const char *notifySymbol)
{
    auto *vtable = static_cast<void **>(dlsym(RTLD_DEFAULT, vtableSymbol));
    void *notify = dlsym(RTLD_DEFAULT, notifySymbol);
    if (!vtable || !notify)
        return; // that class's library is not in this process
    // The slot holding notify; the vtable is read-only after relocation, so unprotect its page.
    for (int slot = 2; slot < 64; ++slot) {
        if (vtable[slot] != notify)
            continue;
        const long pageSize = sysconf(_SC_PAGESIZE);
        auto *page = reinterpret_cast<void *>(reinterpret_cast<uintptr_t>(&vtable[slot]) & ~uintptr_t(pageSize - 1));
        if (mprotect(page, pageSize, PROT_READ | PROT_WRITE) != 0) {
            std::fprintf(stderr, "arbor tsan bridge: cannot patch %s: %s\n", vtableSymbol, std::strerror(errno));
            std::abort();
        }
        NotifyWrapper<Class>::next = reinterpret_cast<Notify>(notify);
        vtable[slot] = reinterpret_cast<void *>(&NotifyWrapper<Class>::notify);
        mprotect(page, pageSize, PROT_READ);
        return;
    }
    std::fprintf(stderr, "arbor tsan bridge: %s has no notify slot\n", vtableSymbol);
    std::abort();
}

__attribute__((constructor)) void patchApplicationClasses()
{
    patchNotify<0>("_ZTV16QCoreApplication", "_ZN16QCoreApplication6notifyEP7QObjectP6QEvent");
    patchNotify<1>("_ZTV15QGuiApplication", "_ZN15QGuiApplication6notifyEP7QObjectP6QEvent");
    patchNotify<2>("_ZTV12QApplication", "_ZN12QApplication6notifyEP7QObjectP6QEvent");
}

} // namespace

// ---- futures ------------------------------------------------------------------------------

namespace {
// QFutureInterfaceBase: its vtable pointer, then `QFutureInterfaceBasePrivate *d` (null once moved from).
void *sharedState(const void *self)
{
    return *reinterpret_cast<void *const *>(static_cast<const char *>(self) + sizeof(void *));
}

// The private data every copy of one QFutureInterface shares, reached through its mutex.
void *futureState(const void *self)
{
    ARBOR_REAL(void *(*)(const void *), "_ZNK20QFutureInterfaceBase5mutexEv");
    return next(self);
}
} // namespace

ARBOR_EXPORT void _ZN20QFutureInterfaceBase14reportFinishedEv(void *self)
{
    ARBOR_REAL(void (*)(void *), "_ZN20QFutureInterfaceBase14reportFinishedEv");
    release(futureState(self));
    release(&qtEventQueue); // continuations run on the finishing thread or are posted from it
    next(self);
}

ARBOR_EXPORT void _ZN20QFutureInterfaceBase18reportResultsReadyEii(void *self, int begin, int end)
{
    ARBOR_REAL(void (*)(void *, int, int), "_ZN20QFutureInterfaceBase18reportResultsReadyEii");
    release(futureState(self));
    release(&qtEventQueue);
    next(self, begin, end);
}

ARBOR_EXPORT void _ZN20QFutureInterfaceBase15waitForFinishedEv(void *self)
{
    ARBOR_REAL(void (*)(void *), "_ZN20QFutureInterfaceBase15waitForFinishedEv");
    next(self);
    acquire(futureState(self));
}

ARBOR_EXPORT bool _ZNK20QFutureInterfaceBase10isFinishedEv(const void *self)
{
    ARBOR_REAL(bool (*)(const void *), "_ZNK20QFutureInterfaceBase10isFinishedEv");
    const bool finished = next(self);
    if (finished)
        acquire(futureState(self));
    return finished;
}

// Every copy of a QFutureInterface<T> (the promise, each QFuture) holds a reference to the
// results; the copy that drops the last one frees them (~QFutureInterface<T> clears the result
// store when derefT() returns false). What any holder did with the results happens before that.
ARBOR_EXPORT bool _ZNK20QFutureInterfaceBase6derefTEv(const void *self)
{
    ARBOR_REAL(bool (*)(const void *), "_ZNK20QFutureInterfaceBase6derefTEv");
    if (!sharedState(self))
        return next(self);
    void *state = futureState(self);
    release(state);
    const bool stillHeld = next(self);
    if (!stillHeld)
        acquire(state);
    return stillHeld;
}

// Every copy of a QFutureInterface holds a reference to the state all copies share (its mutex,
// the results, the continuation); the copy destroyed last deletes it, inside Qt. Each destructor
// hands over what its copy did; the one that finds itself the last holder (every other copy has
// dropped its reference, after handing over) takes all of it over before the state goes.
namespace {
void handOverState(void *self)
{
    auto *state = static_cast<QFutureInterfaceBasePrivate *>(sharedState(self));
    if (!state)
        return;
    void *sync = futureState(self);
    release(sync);
    if (state->refCount.load() == 1)
        acquire(sync);
}
} // namespace

ARBOR_EXPORT void _ZN20QFutureInterfaceBaseD2Ev(void *self)
{
    ARBOR_REAL(void (*)(void *), "_ZN20QFutureInterfaceBaseD2Ev");
    handOverState(self);
    next(self);
}

ARBOR_EXPORT void _ZN20QFutureInterfaceBaseD1Ev(void *self)
{
    ARBOR_REAL(void (*)(void *), "_ZN20QFutureInterfaceBaseD1Ev");
    handOverState(self);
    next(self);
}

ARBOR_EXPORT void _ZN20QFutureInterfaceBase13waitForResultEi(void *self, int index)
{
    ARBOR_REAL(void (*)(void *, int), "_ZN20QFutureInterfaceBase13waitForResultEi");
    next(self, index);
    acquire(futureState(self));
}

// ---- semaphores, wait conditions, contended mutexes, read-write locks, threads -------------

ARBOR_EXPORT void _ZN10QSemaphore7releaseEi(void *self, int n)
{
    ARBOR_REAL(void (*)(void *, int), "_ZN10QSemaphore7releaseEi");
    release(self);
    next(self, n);
}

ARBOR_EXPORT void _ZN10QSemaphore7acquireEi(void *self, int n)
{
    ARBOR_REAL(void (*)(void *, int), "_ZN10QSemaphore7acquireEi");
    next(self, n);
    acquire(self);
}

ARBOR_EXPORT bool _ZN10QSemaphore10tryAcquireEi(void *self, int n)
{
    ARBOR_REAL(bool (*)(void *, int), "_ZN10QSemaphore10tryAcquireEi");
    const bool acquired = next(self, n);
    if (acquired)
        acquire(self);
    return acquired;
}

ARBOR_EXPORT bool _ZN10QSemaphore10tryAcquireEii(void *self, int n, int timeout)
{
    ARBOR_REAL(bool (*)(void *, int, int), "_ZN10QSemaphore10tryAcquireEii");
    const bool acquired = next(self, n, timeout);
    if (acquired)
        acquire(self);
    return acquired;
}

ARBOR_EXPORT void _ZN14QWaitCondition7wakeOneEv(void *self)
{
    ARBOR_REAL(void (*)(void *), "_ZN14QWaitCondition7wakeOneEv");
    release(self);
    next(self);
}

ARBOR_EXPORT void _ZN14QWaitCondition7wakeAllEv(void *self)
{
    ARBOR_REAL(void (*)(void *), "_ZN14QWaitCondition7wakeAllEv");
    release(self);
    next(self);
}

// QDeadlineTimer is two 64-bit integers and a timer type: passed in registers as three words.
struct DeadlineWords
{
    long long t1;
    unsigned t2;
    int type;
};

ARBOR_EXPORT bool _ZN14QWaitCondition4waitEP6QMutex14QDeadlineTimer(void *self, void *mutex, DeadlineWords deadline)
{
    ARBOR_REAL(bool (*)(void *, void *, DeadlineWords), "_ZN14QWaitCondition4waitEP6QMutex14QDeadlineTimer");
    mutexUnlocked(mutex);
    release(mutex); // the mutex is unlocked while waiting
    const bool woken = next(self, mutex, deadline);
    acquire(self);
    acquire(mutex);
    mutexLocked(mutex);
    return woken;
}

ARBOR_EXPORT bool _ZN14QWaitCondition4waitEP6QMutexm(void *self, void *mutex, unsigned long time)
{
    ARBOR_REAL(bool (*)(void *, void *, unsigned long), "_ZN14QWaitCondition4waitEP6QMutexm");
    mutexUnlocked(mutex);
    release(mutex);
    const bool woken = next(self, mutex, time);
    acquire(self);
    acquire(mutex);
    mutexLocked(mutex);
    return woken;
}

ARBOR_EXPORT void _ZN11QBasicMutex12lockInternalEv(void *self)
{
    ARBOR_REAL(void (*)(void *), "_ZN11QBasicMutex12lockInternalEv");
    next(self);
    acquire(self);
}

ARBOR_EXPORT bool _ZN11QBasicMutex12lockInternalEi(void *self, int timeout)
{
    ARBOR_REAL(bool (*)(void *, int), "_ZN11QBasicMutex12lockInternalEi");
    const bool locked = next(self, timeout);
    if (locked)
        acquire(self);
    return locked;
}

ARBOR_EXPORT void _ZN11QBasicMutex14unlockInternalEv(void *self)
{
    ARBOR_REAL(void (*)(void *), "_ZN11QBasicMutex14unlockInternalEv");
    release(self);
    next(self);
}

ARBOR_EXPORT void _ZN14QReadWriteLock11lockForReadEv(void *self)
{
    ARBOR_REAL(void (*)(void *), "_ZN14QReadWriteLock11lockForReadEv");
    next(self);
    acquire(self);
}

ARBOR_EXPORT void _ZN14QReadWriteLock12lockForWriteEv(void *self)
{
    ARBOR_REAL(void (*)(void *), "_ZN14QReadWriteLock12lockForWriteEv");
    next(self);
    acquire(self);
}

ARBOR_EXPORT bool _ZN14QReadWriteLock14tryLockForReadEv(void *self)
{
    ARBOR_REAL(bool (*)(void *), "_ZN14QReadWriteLock14tryLockForReadEv");
    const bool locked = next(self);
    if (locked)
        acquire(self);
    return locked;
}

ARBOR_EXPORT bool _ZN14QReadWriteLock15tryLockForWriteEv(void *self)
{
    ARBOR_REAL(bool (*)(void *), "_ZN14QReadWriteLock15tryLockForWriteEv");
    const bool locked = next(self);
    if (locked)
        acquire(self);
    return locked;
}

ARBOR_EXPORT void _ZN14QReadWriteLock6unlockEv(void *self)
{
    ARBOR_REAL(void (*)(void *), "_ZN14QReadWriteLock6unlockEv");
    release(self);
    next(self);
}

ARBOR_EXPORT int _ZN7QThread4execEv(QObject *self)
{
    ARBOR_REAL(int (*)(QObject *), "_ZN7QThread4execEv");
    const int code = next(self);
    release(self); // what the thread did before its loop ended is seen by wait()
    return code;
}

ARBOR_EXPORT void _ZN7QThread4exitEi(QObject *self, int code)
{
    ARBOR_REAL(void (*)(QObject *, int), "_ZN7QThread4exitEi");
    release(&qtEventQueue);
    next(self, code);
}

ARBOR_EXPORT void _ZN7QThread4quitEv(QObject *self)
{
    ARBOR_REAL(void (*)(QObject *), "_ZN7QThread4quitEv");
    release(&qtEventQueue);
    next(self);
}

ARBOR_EXPORT bool _ZN7QThread4waitE14QDeadlineTimer(QObject *self, DeadlineWords deadline)
{
    ARBOR_REAL(bool (*)(QObject *, DeadlineWords), "_ZN7QThread4waitE14QDeadlineTimer");
    const bool finished = next(self, deadline);
    if (finished) {
        acquire(self);
        acquire(&qtEventQueue);
    }
    return finished;
}
