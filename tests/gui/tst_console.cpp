// The console's real widgets (offscreen) over real services: a data dir with its SQLite file,
// the real Secret Service (scripts/with-keyring), and docker-registry on loopback (plain HTTP
// source, HTTPS + Basic auth target with the test CA). Results are checked in the store, in
// the keychain and, for syncs, with skopeo.
#include "instances/instancedialog.h"
#include "instances/instancespage.h"
#include "instances/instancetablemodel.h"
#include "mainwindow.h"
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

namespace {

template<typename T>
T *child(QWidget *parent, const char *name)
{
    T *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return w;
}

// Types into a line edit the way a person does (textEdited fires per key).
void type(QLineEdit *edit, const QString &text)
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

QString errorText(QWidget *dialog, const char *field)
{
    auto *label = dialog->findChild<QLabel *>(QString::fromLatin1(field) + QStringLiteral("Error"));
    return label && label->isVisible() ? label->text() : QString();
}

bool okEnabled(QWidget *dialog)
{
    auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("okButton"));
    return ok && ok->isEnabled();
}

// Answers the next modal box or dialog: `act` gets it once it is up.
void whenModal(std::function<void(QWidget *)> act)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, act] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            act(modal);
        }
    });
    timer->start();
}

void clickButton(QWidget *box, const QString &text)
{
    for (QAbstractButton *b : box->findChildren<QAbstractButton *>())
        if (b->text().remove(QLatin1Char('&')) == text) {
            b->click();
            return;
        }
    qWarning("no button %s", qPrintable(text));
}

} // namespace

class TestConsole : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void instanceFormSaysWhatIsWrongNextToTheField();
    void testConnectionSaysWhyItFailed();
    void instancesAddedThroughTheForm();
    void savedInstanceTestAndRemove();
    void windowRemembersItsPage();
    void ruleFormChecksAsTyped();
    void crossAccountFormRefusesServiceAccounts();
    void previewFollowsTheFilters();
    void ruleCreatedThroughTheFormSyncs();
    void runningSyncsShowAndWarn();
    void enabledSwitchWritesTheStore();
    void configureChangesEveryField();
    void cloneAndDeleteAskAndDo();
    void everyControlHasAName();
    void chineseWindowHasNoEnglishLeft();

private:
    void addInstances();
    qint64 addRule(const QString &name, const QString &tagFilter, bool enabled = true);
    Instance instanceNamed(const QString &name);

    std::unique_ptr<RegistryFixture> m_source;
    std::unique_ptr<RegistryFixture> m_target;
    QTemporaryDir m_layoutDir;
    QHash<QString, QString> m_digest;
    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<Services> m_services;
};

void TestConsole::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings of the window go to a test location
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

void TestConsole::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    auto services = Services::open(m_dataDir->path(), EngineSettings {});
    QVERIFY2(services, services ? "" : qPrintable(services.error().message));
    m_services = std::move(services).value();
}

void TestConsole::cleanup()
{
    // Whatever a failed test left open goes before the services it uses.
    for (QWidget *w : QApplication::topLevelWidgets())
        delete w;
    m_services.reset();
    m_dataDir.reset();
}

Instance TestConsole::instanceNamed(const QString &name)
{
    Result<Instance> i = m_services->instances().find(name);
    return i ? *i : Instance {};
}

void TestConsole::addInstances()
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

qint64 TestConsole::addRule(const QString &name, const QString &tagFilter, bool enabled)
{
    Rule r;
    r.name = name;
    r.sourceInstanceId = instanceNamed(QStringLiteral("src")).id;
    r.sourceNamespace = QStringLiteral("team");
    r.tagFilter = tagFilter;
    r.targetInstanceId = instanceNamed(QStringLiteral("dst")).id;
    r.targetNamespace = QStringLiteral("mirror-") + name;
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

void TestConsole::instanceFormSaysWhatIsWrongNextToTheField()
{
    InstanceDialog dialog(*m_services, std::nullopt);
    dialog.show();
    QVERIFY(!okEnabled(&dialog));
    QVERIFY2(errorText(&dialog, "name").isEmpty(), "untouched fields stay quiet");

    type(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("Bad Name"));
    QVERIFY2(!errorText(&dialog, "name").isEmpty(), "a name with a space and capitals is refused");
    QCOMPARE(child<QLineEdit>(&dialog, "nameEdit")->accessibleDescription(),
             errorText(&dialog, "name"));
    type(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("gz-prod"));
    QVERIFY(errorText(&dialog, "name").isEmpty());

    type(child<QLineEdit>(&dialog, "urlEdit"), QStringLiteral("http://127.0.0.1:5000"));
    QVERIFY2(errorText(&dialog, "url").contains(QStringLiteral("HTTP")), qPrintable(errorText(&dialog, "url")));
    QVERIFY(!okEnabled(&dialog));
    child<QCheckBox>(&dialog, "allowHttpCheck")->setChecked(true);
    QVERIFY(errorText(&dialog, "url").isEmpty());
    QVERIFY(child<QWidget>(&dialog, "httpWarning")->isVisible());

    type(child<QLineEdit>(&dialog, "urlEdit"), QStringLiteral("registry.example.com:99999"));
    QVERIFY2(!errorText(&dialog, "url").isEmpty(), "a port out of range is refused");
    QVERIFY2(!errorText(&dialog, "url").contains(QStringLiteral("\"\"")), qPrintable(errorText(&dialog, "url")));

    type(child<QLineEdit>(&dialog, "urlEdit"), QStringLiteral("https://registry.example.com"));
    type(child<QLineEdit>(&dialog, "usernameEdit"), QStringLiteral("alice:x"));
    QVERIFY2(!errorText(&dialog, "username").isEmpty(), "Basic auth cannot carry a ':'");
    type(child<QLineEdit>(&dialog, "usernameEdit"), QString());
    QVERIFY(okEnabled(&dialog));
}

void TestConsole::testConnectionSaysWhyItFailed()
{
    struct Case
    {
        QString caFile;
        QString password;
        bool ok;
        QString mentions;
    };
    const QList<Case> cases {
        { QString(), m_target->password(), false, QStringLiteral("certificate") },
        { m_target->caFile(), QStringLiteral("wrong"), false, QStringLiteral("refused") },
        { m_target->caFile(), m_target->password(), true, QString() },
    };
    for (const Case &c : cases) {
        InstanceDialog dialog(*m_services, std::nullopt);
        dialog.show();
        type(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("dst"));
        type(child<QLineEdit>(&dialog, "urlEdit"), m_target->url().toString());
        type(child<QLineEdit>(&dialog, "usernameEdit"), m_target->username());
        type(child<QLineEdit>(&dialog, "passwordEdit"), c.password);
        if (!c.caFile.isEmpty())
            type(child<QLineEdit>(&dialog, "caFileEdit"), c.caFile);
        std::optional<bool> ok;
        QString summary;
        connect(&dialog, &InstanceDialog::tested, this,
                [&](qint64, const QString &text, bool passed) {
                    ok = passed;
                    summary = text;
                });
        auto *test = child<QPushButton>(&dialog, "testConnectionButton");
        QVERIFY(test->isEnabled());
        test->click();
        QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), 20000);
        QCOMPARE(*ok, c.ok);
        const QString report = dialog.findChild<QWidget *>(QStringLiteral("dialogReport"))
                                   ->findChild<QLabel *>()->text();
        if (!c.mentions.isEmpty())
            QVERIFY2(report.contains(c.mentions, Qt::CaseInsensitive), qPrintable(report));
        QVERIFY2(!summary.isEmpty(), "the table gets a one-line summary");
    }
    QVERIFY2(m_services->instances().list()->isEmpty(), "testing stores nothing");
}

void TestConsole::instancesAddedThroughTheForm()
{
    MainWindow window(*m_services);
    window.show();
    window.showPage(MainWindow::Page::Instances);
    whenModal([this](QWidget *dialog) {
        type(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("dst"));
        type(child<QLineEdit>(dialog, "urlEdit"), m_target->url().toString());
        type(child<QLineEdit>(dialog, "accountEdit"), QStringLiteral("100"));
        type(child<QLineEdit>(dialog, "usernameEdit"), m_target->username());
        type(child<QLineEdit>(dialog, "passwordEdit"), m_target->password());
        type(child<QLineEdit>(dialog, "caFileEdit"), m_target->caFile());
        QVERIFY(okEnabled(dialog));
        child<QPushButton>(dialog, "okButton")->click();
    });
    window.instancesPage()->create();
    const Instance stored = instanceNamed(QStringLiteral("dst"));
    QCOMPARE(stored.url, m_target->url());
    QCOMPARE(stored.username, m_target->username());
    QVERIFY2(!stored.caFile.isEmpty(), "the CA file is stored with its absolute path");
    QCOMPARE(window.instancesPage()->model()->rowCount(), 1);

    std::optional<bool> hasPassword;
    m_services->instances().passwordStored(stored, [&](Result<bool> r) { hasPassword = r && *r; });
    QTRY_VERIFY(hasPassword.has_value());
    QVERIFY2(*hasPassword, "the password went to the keychain");
}

void TestConsole::savedInstanceTestAndRemove()
{
    addInstances();
    addRule(QStringLiteral("nightly"), QString());
    MainWindow window(*m_services);
    window.show();
    window.showPage(MainWindow::Page::Instances);
    InstancesPage *page = window.instancesPage();
    auto *table = child<QTableView>(page, "instanceTable");
    auto selectNamed = [&](const QString &name) {
        for (int row = 0; row < table->model()->rowCount(); ++row)
            if (table->model()->index(row, InstanceTableModel::Name).data().toString() == name)
                table->selectRow(row);
    };
    selectNamed(QStringLiteral("dst"));
    QCOMPARE(page->selectedId(), instanceNamed(QStringLiteral("dst")).id);

    // A stored instance is tested with the password from the keychain; the table keeps the answer.
    page->testSelected();
    const int row = page->model()->rowOf(instanceNamed(QStringLiteral("dst")).id);
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->index(row, InstanceTableModel::LastTest).data().toString()
                                 .startsWith(QStringLiteral("OK")),
                             20000);

    // Rules use it: removing is refused, naming them.
    QString said;
    whenModal([&](QWidget *box) {
        said = qobject_cast<QMessageBox *>(box)->text();
        qobject_cast<QMessageBox *>(box)->accept();
    });
    page->deleteSelected();
    QVERIFY2(said.contains(QStringLiteral("nightly")), qPrintable(said));
    QVERIFY(m_services->instances().find(QStringLiteral("dst")));
}

void TestConsole::windowRemembersItsPage()
{
    {
        MainWindow window(*m_services);
        window.show();
        window.showPage(MainWindow::Page::Instances);
        window.resize(1111, 666);
        window.close(); // stops the engine without blocking, then closes
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 10000);
    }
    MainWindow again(*m_services);
    again.show();
    QCOMPARE(again.currentPage(), MainWindow::Page::Instances);
    QCOMPARE(again.size(), QSize(1111, 666));
}

void TestConsole::ruleFormChecksAsTyped()
{
    addInstances();
    RuleDialog dialog(*m_services, instanceNamed(QStringLiteral("src")).id, std::nullopt);
    dialog.show();
    QVERIFY(!okEnabled(&dialog));
    type(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("-bad"));
    QVERIFY2(!errorText(&dialog, "name").isEmpty(), "a name must start with a letter or digit");
    type(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("team-to-dr"));
    QVERIFY(errorText(&dialog, "name").isEmpty());

    type(child<QLineEdit>(&dialog, "tagFilterEdit"), QStringLiteral("v(1"));
    QVERIFY2(!errorText(&dialog, "tagFilter").isEmpty(), "an invalid regular expression is refused");
    type(child<QLineEdit>(&dialog, "tagFilterEdit"), QStringLiteral("v.*"));
    QVERIFY(errorText(&dialog, "tagFilter").isEmpty());

    auto *ns = child<QComboBox>(&dialog, "namespaceBox");
    // The picker lists the source's namespaces in the background.
    QTRY_VERIFY_WITH_TIMEOUT(ns->findText(QStringLiteral("team")) >= 0, 10000);
    type(ns->lineEdit(), QStringLiteral("team"));
    QTRY_VERIFY(okEnabled(&dialog)); // one target instance of the account: chosen already
    QCOMPARE(dialog.draft().targetInstanceId, instanceNamed(QStringLiteral("dst")).id);

    // The same instance and namespace as the source would copy onto itself.
    auto *target = child<QComboBox>(&dialog, "targetInstanceBox");
    target->setCurrentIndex(target->findData(instanceNamed(QStringLiteral("src")).id));
    emit target->activated(target->currentIndex());
    QVERIFY2(!errorText(&dialog, "targetInstance").isEmpty(), "a rule onto itself is refused");
    QVERIFY(!okEnabled(&dialog));
}

void TestConsole::crossAccountFormRefusesServiceAccounts()
{
    addInstances();
    RuleDialog dialog(*m_services, instanceNamed(QStringLiteral("src")).id, std::nullopt);
    dialog.show();
    type(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("cross"));
    type(child<QComboBox>(&dialog, "namespaceBox")->lineEdit(), QStringLiteral("team"));
    auto *cross = child<QCheckBox>(&dialog, "crossAccountCheck");
    cross->setChecked(true);
    QVERIFY2(child<QLineEdit>(&dialog, "targetUrlEdit")->isVisible(), "cross-account fields show");
    QVERIFY2(!child<QComboBox>(&dialog, "targetInstanceBox")->isVisible(), "same-account ones hide");
    type(child<QLineEdit>(&dialog, "targetUrlEdit"), m_target->url().toString());
    type(child<QLineEdit>(&dialog, "targetUsernameEdit"), QStringLiteral("robot$ci"));
    QVERIFY2(errorText(&dialog, "targetUsername").contains(QStringLiteral("robot$")),
             qPrintable(errorText(&dialog, "targetUsername")));
    type(child<QLineEdit>(&dialog, "targetUsernameEdit"), m_target->username());
    QVERIFY(errorText(&dialog, "targetUsername").isEmpty());
    QVERIFY2(!okEnabled(&dialog), "no password typed or stored yet");
    type(child<QLineEdit>(&dialog, "targetPasswordEdit"), m_target->password());
    type(child<QLineEdit>(&dialog, "targetCaFileEdit"), m_target->caFile());
    QTRY_VERIFY(okEnabled(&dialog));

    // The preview reaches the cross-account target with the typed password, stored nowhere yet.
    QTRY_VERIFY_WITH_TIMEOUT(dialog.preview()->status().contains(QStringLiteral("would")), 20000);
    QVERIFY2(dialog.preview()->model()->count(QStringLiteral("copy")) == 4,
             qPrintable(dialog.preview()->status()));

    child<QPushButton>(&dialog, "okButton")->click();
    QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    const Rule saved = dialog.saved().rule;
    QVERIFY(saved.crossAccount);
    QCOMPARE(saved.targetCaFile, m_target->caFile());
    std::optional<bool> stored;
    m_services->rules().targetPasswordStored(saved, [&](Result<bool> r) { stored = r && *r; });
    QTRY_VERIFY(stored.has_value());
    QVERIFY2(*stored, "OK put the cross-account password in the keychain");
}

void TestConsole::previewFollowsTheFilters()
{
    addInstances();
    RuleDialog dialog(*m_services, instanceNamed(QStringLiteral("src")).id, std::nullopt);
    dialog.show();
    PreviewPanel *preview = dialog.preview();
    type(child<QComboBox>(&dialog, "namespaceBox")->lineEdit(), QStringLiteral("team"));
    type(child<QLineEdit>(&dialog, "repositoryFilterEdit"), QStringLiteral("app"));
    QTRY_VERIFY_WITH_TIMEOUT(preview->status().contains(QStringLiteral("would")), 20000);
    QCOMPARE(preview->model()->repositoryCount(), 1);
    QCOMPARE(preview->model()->tagCount(), 3);
    QCOMPARE(preview->model()->count(QStringLiteral("copy")), 3);

    // A change of filter cancels what runs and decides again from the listing it has.
    type(child<QLineEdit>(&dialog, "tagFilterEdit"), QStringLiteral("v.*"));
    QVERIFY2(!preview->status().contains(QStringLiteral("would")), "the old answer goes at once");
    QTRY_VERIFY_WITH_TIMEOUT(preview->status().contains(QStringLiteral("would")), 20000);
    QCOMPARE(preview->model()->tagCount(), 2);
    type(child<QLineEdit>(&dialog, "repositoryFilterEdit"), QString());
    QTRY_VERIFY_WITH_TIMEOUT(preview->status().contains(QStringLiteral("would")), 20000);
    QCOMPARE(preview->model()->repositoryCount(), 2);
    QCOMPARE(preview->model()->tagCount(), 3);

    // Typing fast starts one preview, not one per key.
    int started = 0;
    connect(preview->model(), &QAbstractItemModel::rowsInserted, this,
            [&](const QModelIndex &parent) { started += parent.isValid() ? 0 : 1; });
    type(child<QLineEdit>(&dialog, "tagFilterEdit"), QStringLiteral("v1|dev"));
    QTRY_VERIFY_WITH_TIMEOUT(preview->status().contains(QStringLiteral("would")), 20000);
    QCOMPARE(preview->model()->tagCount(), 3); // app:v1, app:dev, tool:v1
    QVERIFY2(started <= 2, qPrintable(QString::number(started))); // app and tool, once
}

void TestConsole::ruleCreatedThroughTheFormSyncs()
{
    addInstances();
    MainWindow window(*m_services);
    window.show();
    window.showPage(MainWindow::Page::Rules);
    RulesPage *page = window.rulesPage();
    page->selectSource(instanceNamed(QStringLiteral("src")).id);
    QCOMPARE(page->sourceInstanceId(), instanceNamed(QStringLiteral("src")).id);
    whenModal([](QWidget *dialog) {
        type(child<QLineEdit>(dialog, "nameEdit"), QStringLiteral("release"));
        type(child<QComboBox>(dialog, "namespaceBox")->lineEdit(), QStringLiteral("team"));
        type(child<QLineEdit>(dialog, "tagFilterEdit"), QStringLiteral("v.*"));
        type(child<QLineEdit>(dialog, "targetNamespaceEdit"), QStringLiteral("mirror"));
        QTRY_VERIFY(okEnabled(dialog));
        child<QPushButton>(dialog, "okButton")->click();
    });
    page->create();
    const Result<Rule> rule = m_services->rules().find(QStringLiteral("release"));
    QVERIFY(rule);
    QVERIFY2(rule->enabled, "a new rule starts enabled, as in the seed");
    QCOMPARE(page->selectedRuleId(), rule->id);
    QVERIFY(page->canTrigger());

    page->triggerSelected();
    const int row = page->model()->rowOf(rule->id);
    QTRY_VERIFY_WITH_TIMEOUT(page->model()
                                 ->index(row, RuleTableModel::LastRun)
                                 .data()
                                 .toString()
                                 .startsWith(taskStatusText(TaskStatus::Succeeded)),
                             60000);
    for (const QString &ref : { QStringLiteral("app:v1"), QStringLiteral("app:v2"),
                                QStringLiteral("tool:v1") })
        QCOMPARE(m_target->inspectDigest(QStringLiteral("mirror/") + ref),
                 m_digest.value(QStringLiteral("team/") + ref));
    QVERIFY2(m_target->inspectDigest(QStringLiteral("mirror/app:dev")).isEmpty(),
             "dev does not pass the tag filter");
    const QString recent = page->model()
                               ->index(row, RuleTableModel::RecentRuns)
                               .data(Qt::AccessibleTextRole)
                               .toString();
    QVERIFY2(recent.contains(taskStatusText(TaskStatus::Succeeded)), qPrintable(recent));
}

void TestConsole::runningSyncsShowAndWarn()
{
    addInstances();
    // A source behind a slow link, so the syncs are caught while they run.
    ThrottledProxy slow(m_source->port(), 50000); // about 4 s per sync of the namespace
    Instance throttled;
    throttled.name = QStringLiteral("slow");
    throttled.url = slow.url();
    throttled.allowHttp = true;
    throttled.accountId = QStringLiteral("100");
    bool added = false;
    m_services->instances().add(throttled, std::nullopt, [&](Result<Instance> r) { added = bool(r); });
    QTRY_VERIFY(added);
    auto rule = [&](const QString &name) {
        Rule r;
        r.name = name;
        r.sourceInstanceId = instanceNamed(QStringLiteral("slow")).id;
        r.sourceNamespace = QStringLiteral("team");
        r.targetInstanceId = instanceNamed(QStringLiteral("dst")).id;
        r.targetNamespace = name;
        qint64 id = 0;
        m_services->rules().save(r, std::nullopt, [&](Result<RuleService::Saved> saved) {
            id = saved ? saved->rule.id : -1;
        });
        if (!QTest::qWaitFor([&] { return id != 0; }, 10000) || id < 0)
            qWarning("rule %s not saved", qPrintable(name));
        return id;
    };
    const qint64 first = rule(QStringLiteral("first"));
    const qint64 second = rule(QStringLiteral("second"));

    MainWindow window(*m_services);
    window.show();
    window.showPage(MainWindow::Page::Rules);
    RulesPage *page = window.rulesPage();
    page->selectSource(instanceNamed(QStringLiteral("slow")).id);
    page->selectRule(first);
    page->triggerSelected();
    auto *status = window.findChild<RunningTasksLabel *>();
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(status->isVisible() && status->text().contains(QStringLiteral("first")), 10000);
    const QString running = page->model()->index(page->model()->rowOf(first), RuleTableModel::LastRun).data().toString();
    QVERIFY2(running.startsWith(QStringLiteral("Syncing")), qPrintable(running));

    // Again while it runs: said so, nothing new.
    page->triggerSelected();
    const QString said = page->findChild<MessageBar *>()->text();
    QVERIFY2(said.contains(QStringLiteral("already syncing")), qPrintable(said + QStringLiteral(" | ") + status->text()));
    TaskFilter ofFirst;
    ofFirst.ruleId = first;
    QCOMPARE(*m_services->sync().count(ofFirst), 1);

    // Another rule while one runs: the seed's warning about the load, then on as asked.
    QString warning;
    whenModal([&](QWidget *box) {
        warning = box->objectName();
        clickButton(box, QStringLiteral("Start sync"));
    });
    page->selectRule(second);
    page->triggerSelected();
    QCOMPARE(warning, QStringLiteral("manualSyncLoadBox"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("second")), 10000);
    QVERIFY2(status->text().contains(QStringLiteral("/s")), qPrintable(status->text()));

    for (qint64 id : { first, second })
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->index(page->model()->rowOf(id), RuleTableModel::LastRun)
                                     .data().toString()
                                     .startsWith(taskStatusText(TaskStatus::Succeeded)),
                                 90000);
    QTRY_VERIFY(!status->isVisible());
    QCOMPARE(m_target->inspectDigest(QStringLiteral("second/app:v1")), m_digest.value(QStringLiteral("team/app:v1")));
}

void TestConsole::enabledSwitchWritesTheStore()
{
    addInstances();
    const qint64 id = addRule(QStringLiteral("nightly"), QString());
    MainWindow window(*m_services);
    window.show();
    window.showPage(MainWindow::Page::Rules);
    RulesPage *page = window.rulesPage();
    page->selectSource(instanceNamed(QStringLiteral("src")).id);
    page->selectRule(id);
    QVERIFY(page->canTrigger());
    auto *table = child<QTableView>(page, "ruleTable");
    const QModelIndex cell = table->model()->index(table->currentIndex().row(), RuleTableModel::Enabled);
    QVERIFY(table->model()->setData(cell, Qt::Unchecked, Qt::CheckStateRole));
    QTRY_VERIFY(!m_services->rules().get(id)->enabled);
    QCOMPARE(cell.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY2(!page->canTrigger(), "a disabled rule cannot be triggered");
    QVERIFY(!child<QPushButton>(page, "triggerButton")->isEnabled());
    QVERIFY(table->model()->setData(cell, Qt::Checked, Qt::CheckStateRole));
    QTRY_VERIFY(m_services->rules().get(id)->enabled);
    QVERIFY(page->canTrigger());
}

void TestConsole::configureChangesEveryField()
{
    addInstances();
    const qint64 id = addRule(QStringLiteral("nightly"), QString());
    MainWindow window(*m_services);
    window.show();
    window.showPage(MainWindow::Page::Rules);
    RulesPage *page = window.rulesPage();
    page->selectSource(instanceNamed(QStringLiteral("src")).id);
    page->selectRule(id);
    whenModal([](QWidget *dialog) {
        QCOMPARE(child<QLineEdit>(dialog, "nameEdit")->text(), QStringLiteral("nightly"));
        QCOMPARE(child<QComboBox>(dialog, "namespaceBox")->currentText(), QStringLiteral("team"));
        type(child<QLineEdit>(dialog, "descriptionEdit"), QStringLiteral("每晚同步"));
        type(child<QLineEdit>(dialog, "repositoryFilterEdit"), QStringLiteral("app"));
        child<QCheckBox>(dialog, "overwriteCheck")->setChecked(true);
        auto *type = child<QComboBox>(dialog, "resourceTypeBox");
        type->setCurrentIndex(type->findData(int(ResourceType::Image)));
        emit type->activated(type->currentIndex());
        QTRY_VERIFY(okEnabled(dialog));
        child<QPushButton>(dialog, "okButton")->click();
    });
    page->configureSelected();
    const Rule changed = *m_services->rules().get(id);
    QCOMPARE(changed.description, QStringLiteral("每晚同步"));
    QCOMPARE(changed.repositoryFilter, QStringLiteral("app"));
    QVERIFY(changed.overwrite);
    QCOMPARE(changed.resourceType, ResourceType::Image);
    QCOMPARE(changed.name, QStringLiteral("nightly"));

    // Escape on a changed form asks before it throws the changes away; "Keep editing" stays.
    bool asked = false;
    whenModal([&](QWidget *dialog) {
        type(child<QLineEdit>(dialog, "descriptionEdit"), QStringLiteral("changed"));
        whenModal([&](QWidget *box) {
            asked = box->objectName() == QLatin1String("discardChangesBox");
            clickButton(box, QStringLiteral("Discard"));
        });
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    page->configureSelected();
    QVERIFY(asked);
    QCOMPARE(m_services->rules().get(id)->description, QStringLiteral("每晚同步"));
}

void TestConsole::cloneAndDeleteAskAndDo()
{
    addInstances();
    const qint64 id = addRule(QStringLiteral("nightly"), QString());
    MainWindow window(*m_services);
    window.show();
    window.showPage(MainWindow::Page::Rules);
    RulesPage *page = window.rulesPage();
    page->selectSource(instanceNamed(QStringLiteral("src")).id);
    page->selectRule(id);
    page->cloneSelected();
    QTRY_VERIFY(m_services->rules().find(QStringLiteral("nightly-copy")));
    const Rule copy = *m_services->rules().find(QStringLiteral("nightly-copy"));
    QVERIFY2(!copy.enabled, "a copy starts disabled");
    QTRY_COMPARE(page->selectedRuleId(), copy.id);

    // Delete asks, naming the rule; "Cancel" keeps it.
    QString question;
    whenModal([&](QWidget *box) {
        question = qobject_cast<QMessageBox *>(box)->text();
        clickButton(box, QStringLiteral("Cancel"));
    });
    page->deleteSelected();
    QVERIFY2(question.contains(QStringLiteral("nightly-copy")), qPrintable(question));
    QVERIFY(m_services->rules().get(copy.id));
    whenModal([](QWidget *box) { clickButton(box, QStringLiteral("Delete")); });
    page->deleteSelected();
    QTRY_VERIFY(!m_services->rules().get(copy.id));
    QVERIFY(m_services->rules().get(id));
    QTRY_COMPARE(page->model()->rowCount(), 1);
}

void TestConsole::everyControlHasAName()
{
    addInstances();
    addRule(QStringLiteral("nightly"), QString());
    MainWindow window(*m_services);
    window.show();
    QList<QWidget *> roots { &window };
    auto *rule = new RuleDialog(*m_services, instanceNamed(QStringLiteral("src")).id, std::nullopt, &window);
    auto *instance = new InstanceDialog(*m_services, std::nullopt, &window);
    rule->findChild<QCheckBox *>(QStringLiteral("crossAccountCheck"))->setChecked(true);
    roots << rule << instance;
    QStringList unnamed;
    for (QWidget *root : roots) {
        QList<QLabel *> labels = root->findChildren<QLabel *>();
        for (QWidget *w : root->findChildren<QWidget *>()) {
            if (auto *button = qobject_cast<QAbstractButton *>(w)) {
                if (button->text().isEmpty() && button->accessibleName().isEmpty()
                    && button->isVisibleTo(root) && !button->inherits("QToolButton"))
                    unnamed << button->objectName() + QStringLiteral(" (button)");
                continue;
            }
            const bool field = qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w);
            if (!field || !w->isVisibleTo(root) || w->accessibleName().size() > 0)
                continue;
            if (qobject_cast<QComboBox *>(w->parentWidget()))
                continue; // a combo box's own line edit: the combo is the field
            const bool buddy = std::any_of(labels.cbegin(), labels.cend(),
                                           [w](QLabel *l) { return l->buddy() == w; });
            // What a screen reader announces: the name the accessibility interface gives.
            QAccessibleInterface *a11y = QAccessible::queryAccessibleInterface(w);
            const QString announced = a11y ? a11y->text(QAccessible::Name) : QString();
            if (!buddy || announced.isEmpty())
                unnamed << w->objectName() + QStringLiteral(" (") + QString::fromLatin1(w->metaObject()->className()) + QLatin1Char(')');
        }
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestConsole::chineseWindowHasNoEnglishLeft()
{
    addInstances();
    addRule(QStringLiteral("nightly"), QString());
    QTranslator own;
    QVERIFY(own.load(QStringLiteral(CRSYNC_QM_DIR "/crsync_zh_CN.qm")));
    QTranslator qt;
    QVERIFY2(qt.load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("qtbase"),
                     QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
             "Qt's own zh_CN translations (qt6-translations-l10n)");
    QCoreApplication::installTranslator(&own);
    QCoreApplication::installTranslator(&qt);
    auto restore = qScopeGuard([&] {
        QCoreApplication::removeTranslator(&own);
        QCoreApplication::removeTranslator(&qt);
    });

    MainWindow window(*m_services);
    window.show();
    window.rulesPage()->selectSource(instanceNamed(QStringLiteral("src")).id);
    auto *rule = new RuleDialog(*m_services, instanceNamed(QStringLiteral("src")).id, std::nullopt, &window);
    auto *cross = new RuleDialog(*m_services, instanceNamed(QStringLiteral("src")).id, std::nullopt, &window);
    cross->findChild<QCheckBox *>(QStringLiteral("crossAccountCheck"))->setChecked(true);
    auto *instance = new InstanceDialog(*m_services, std::nullopt, &window);

    // Words that stay as they are in Chinese: product and protocol names, and this test's data.
    static const QSet<QString> kept {
        QStringLiteral("crsync"), QStringLiteral("Harbor"), QStringLiteral("TCR"), QStringLiteral("OCI"),
        QStringLiteral("Tencent"), QStringLiteral("Container"), QStringLiteral("Registry"),
        QStringLiteral("Helm"), QStringLiteral("Chart"), QStringLiteral("URL"), QStringLiteral("HTTP"),
        QStringLiteral("HTTPS"), QStringLiteral("TLS"), QStringLiteral("PEM"), QStringLiteral("Tag"),
        QStringLiteral("https"), QStringLiteral("registry"), QStringLiteral("example"),
        QStringLiteral("com"), QStringLiteral("nightly"), QStringLiteral("src"), QStringLiteral("dst"),
        QStringLiteral("team"), QStringLiteral("mirror"), QStringLiteral("apps"), QStringLiteral("prod"),
        QStringLiteral("guangzhou"), QStringLiteral("robot"), QStringLiteral("tcr"),
        QStringLiteral("dr"), QStringLiteral("app"), QStringLiteral("Ctrl"),
    };
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
    QStringList english;
    auto check = [&](const QString &where, const QString &text) {
        for (auto it = word.globalMatch(text); it.hasNext();) {
            const QString w = it.next().captured();
            if (!kept.contains(w)) {
                english << where + QStringLiteral(": ") + text;
                return;
            }
        }
    };
    for (QWidget *root : std::initializer_list<QWidget *> { &window, rule, cross, instance }) {
        check(root->objectName(), root->windowTitle());
        for (QLabel *l : root->findChildren<QLabel *>())
            if (l->isVisibleTo(root) && l->textFormat() != Qt::RichText)
                check(l->objectName(), l->text());
        for (QAbstractButton *b : root->findChildren<QAbstractButton *>())
            check(b->objectName(), b->text());
        for (QGroupBox *g : root->findChildren<QGroupBox *>())
            check(g->objectName(), g->title());
        for (QLineEdit *e : root->findChildren<QLineEdit *>())
            check(e->objectName(), e->placeholderText());
        for (QAction *a : root->findChildren<QAction *>())
            check(a->objectName(), a->text());
        for (QHeaderView *h : root->findChildren<QHeaderView *>())
            if (h->orientation() == Qt::Horizontal && h->model())
                for (int c = 0; c < h->model()->columnCount(); ++c)
                    check(QStringLiteral("header"), h->model()->headerData(c, Qt::Horizontal).toString());
    }
    for (QAction *menu : window.menuBar()->actions())
        check(QStringLiteral("menu"), menu->text());
    english.removeDuplicates();
    QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
