#pragma once

// Shared by the console tests (tst_gui_instances, tst_gui_rules): the real widgets (offscreen)
// over real services: a data dir with its SQLite file, the real Secret Service
// (scripts/with-keyring), and docker-registry on loopback (plain HTTP source, HTTPS + Basic auth
// target with the test CA). Results are checked in the store, in the keychain and, for syncs,
// with skopeo.
#include "instances/instancedialog.h"
#include "instances/instancespage.h"
#include "instances/instancetablemodel.h"
#include "mainwindow.h"
#include "settings/uisettings.h"
#include "ocilayout.h"
#include "registryfixture.h"
#include "throttledproxy.h"
#include "widgets/messagebar.h"
#include "widgets/runningtasks.h"
#include "rules/previewmodel.h"
#include "rules/previewpanel.h"
#include "rules/ruledialog.h"
#include "rules/rulespage.h"
#include "rules/ruletablemodel.h"
#include "engine/enginesettings.h"
#include "engine/previewjob.h"
#include "service/instanceservice.h"
#include "service/ruleservice.h"
#include "service/services.h"
#include "service/syncservice.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QLibraryInfo>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QElapsedTimer>
#include <QTimer>
#include <QTranslator>
#include <QGroupBox>
#include <QHeaderView>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <functional>
#include <memory>
#include <optional>

using namespace crsync;
using crsync::test::OciLayout;
using crsync::test::RegistryFixture;
using crsync::test::ThrottledProxy;
using Mode = RegistryFixture::Mode;

namespace consoletest {

template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return w;
}

// Types into a line edit the way a person does (textEdited fires per key).
inline void type(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    const bool ascii = std::all_of(text.cbegin(), text.cend(),
                                   [](QChar c) { return c.unicode() < 128; });
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else if (ascii)
        QTest::keyClicks(edit, text);
    else // as an input method commits it: one edit
        edit->insert(text), emit edit->textEdited(edit->text());
}

inline QString errorText(QWidget *dialog, const char *field)
{
    auto *label = dialog->findChild<QLabel *>(QString::fromLatin1(field) + QStringLiteral("Error"));
    return label && label->isVisible() ? label->text() : QString();
}

inline bool okEnabled(QWidget *dialog)
{
    auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("okButton"));
    return ok && ok->isEnabled();
}

// Answers the next modal box or dialog: `act` gets it once it is up.
// `context`: the answer dies with it (an answer a test may not need must not outlive the
// variables it writes to).
inline void whenModal(std::function<void(QWidget *)> act, QObject *context = nullptr)
{
    // Gives up after 15 s, so an answer a test did not need cannot click into a later test.
    auto *timer = new QTimer(context);
    timer->setInterval(20);
    auto started = std::make_shared<QElapsedTimer>();
    started->start();
    QObject::connect(timer, &QTimer::timeout, [timer, act, started] {
        QWidget *modal = QApplication::activeModalWidget();
        if (modal || started->elapsed() > 15000) {
            timer->stop();
            timer->deleteLater();
            if (modal)
                act(modal);
        }
    });
    timer->start();
}

inline void clickButton(QWidget *box, const QString &text)
{
    for (QAbstractButton *b : box->findChildren<QAbstractButton *>())
        if (b->text().remove(QLatin1Char('&')) == text) {
            b->click();
            return;
        }
    qWarning("no button %s", qPrintable(text));
}

} // namespace consoletest

using namespace consoletest;

// What each test of the console starts from: the two registries with their content (once per
// binary) and a fresh data dir with its services (per test function).
class ConsoleTest : public QObject
{
protected:
    void startRegistries();
    void openDataDir();
    void closeDataDir();
    void addInstances(); // "src" (plain HTTP) and "dst" (HTTPS, Basic auth), one account
    qint64 addRule(const QString &name, const QString &tagFilter, bool enabled = true);
    // "slow": the source registry behind `proxy`, of the same account; then rules from it.
    bool addThrottledSource(const ThrottledProxy &proxy);
    qint64 addRuleFrom(const QString &source, const QString &name, const QString &targetNamespace,
                       const QString &tagFilter = {}, bool enabled = true);
    Instance instanceNamed(const QString &name);

    std::unique_ptr<RegistryFixture> m_source;
    std::unique_ptr<RegistryFixture> m_target;
    QTemporaryDir m_layoutDir;
    QHash<QString, QString> m_digest; // "team/app:v1" -> digest at the source
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<Services> m_services;
};

inline void ConsoleTest::startRegistries()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of the window go to a test location
    // Each window would listen on 127.0.0.1:8765; the test of automatic sync in the window turns
    // it on with a port of its own.
    UiSettings::setAutomaticSync(false);
    QString error;
    m_source = std::make_unique<RegistryFixture>(Mode::PlainHttp);
    QVERIFY2(m_source->start(&error), qPrintable(error));
    m_target = std::make_unique<RegistryFixture>(Mode::BasicAuth);
    QVERIFY2(m_target->start(&error), qPrintable(error));

    OciLayout layout(m_layoutDir.path());
    const QByteArray shared = OciLayout::randomBytes(200000, 1);
    const QList<std::pair<QString, OciLayout::Built>> content {
        { QStringLiteral("team/app:v1"), layout.image({ shared, OciLayout::randomBytes(1000, 2) }) },
        { QStringLiteral("team/app:v2"), layout.image({ shared, OciLayout::randomBytes(1000, 3) }) },
        { QStringLiteral("team/app:dev"), layout.image({ OciLayout::randomBytes(5000, 4) }) },
        { QStringLiteral("team/tool:v1"), layout.image({ OciLayout::randomBytes(3000, 5) }) },
    };
    for (const auto &[ref, built] : content) {
        const QString name = QString(ref).replace(QLatin1Char('/'), QLatin1Char('_'))
                                 .replace(QLatin1Char(':'), QLatin1Char('-'));
        layout.tag(built, name);
        QVERIFY2(layout.push(*m_source, name, ref, &error), qPrintable(error));
        m_digest.insert(ref, built.digest);
    }
}

inline void ConsoleTest::openDataDir()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    auto services = Services::open(m_dataDir->path(), EngineSettings {});
    QVERIFY2(services, services ? "" : qPrintable(services.error().message));
    m_services = std::move(services).value();
}

inline void ConsoleTest::closeDataDir()
{
    // Whatever a failed test left open goes before the services it uses.
    for (QWidget *w : QApplication::topLevelWidgets())
        delete w;
    m_services.reset();
    m_dataDir.reset();
}

inline Instance ConsoleTest::instanceNamed(const QString &name)
{
    Result<Instance> i = m_services->instances().find(name);
    return i ? *i : Instance {};
}

inline void ConsoleTest::addInstances()
{
    Instance source;
    source.name = QStringLiteral("src");
    source.url = m_source->url();
    source.allowHttp = true;
    source.accountId = QStringLiteral("100");
    Instance target;
    target.name = QStringLiteral("dst");
    target.url = m_target->url();
    target.caFile = m_target->caFile();
    target.accountId = QStringLiteral("100");
    target.username = m_target->username();
    bool done = false;
    m_services->instances().add(source, std::nullopt, [&](Result<Instance> r) {
        QVERIFY2(r, r ? "" : qPrintable(r.error().message));
        m_services->instances().add(target, m_target->password(), [&](Result<Instance> t) {
            QVERIFY2(t, t ? "" : qPrintable(t.error().message));
            done = true;
        });
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
}

inline qint64 ConsoleTest::addRule(const QString &name, const QString &tagFilter, bool enabled)
{
    return addRuleFrom(QStringLiteral("src"), name, QStringLiteral("mirror-") + name, tagFilter,
                       enabled);
}

inline bool ConsoleTest::addThrottledSource(const ThrottledProxy &proxy)
{
    Instance throttled;
    throttled.name = QStringLiteral("slow");
    throttled.url = proxy.url();
    throttled.allowHttp = true;
    throttled.accountId = QStringLiteral("100");
    bool added = false;
    m_services->instances().add(throttled, std::nullopt, [&](Result<Instance> r) { added = bool(r); });
    return QTest::qWaitFor([&] { return added; }, 10000);
}

inline qint64 ConsoleTest::addRuleFrom(const QString &source, const QString &name,
                                       const QString &targetNamespace, const QString &tagFilter,
                                       bool enabled)
{
    Rule r;
    r.name = name;
    r.sourceInstanceId = instanceNamed(source).id;
    r.sourceNamespace = QStringLiteral("team");
    r.tagFilter = tagFilter;
    r.targetInstanceId = instanceNamed(QStringLiteral("dst")).id;
    r.targetNamespace = targetNamespace;
    r.enabled = enabled;
    qint64 id = 0;
    m_services->rules().save(r, std::nullopt, [&](Result<RuleService::Saved> s) {
        if (s)
            id = s->rule.id;
        else
            qWarning("%s", qPrintable(s.error().message));
    });
    if (!QTest::qWaitFor([&] { return id != 0; }, 10000))
        qWarning("rule %s not saved in time", qPrintable(name));
    return id;
}
