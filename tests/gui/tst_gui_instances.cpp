// The console's window, its Instances page and instance form, accessibility and Chinese.
#include "consoletest.h"

#include <QAbstractSpinBox>

class TestInstancesAndWindow : public ConsoleTest
{
    Q_OBJECT

private slots:
    void initTestCase() { startRegistries(); }
    void init() { openDataDir(); }
    void cleanup() { closeDataDir(); }

    void instanceFormSaysWhatIsWrongNextToTheField();
    void testConnectionSaysWhyItFailed();
    void instancesAddedThroughTheForm();
    void savedInstanceTestAndRemove();
    void windowRemembersItsPage();
    void everyControlHasAName();
    void chineseWindowHasNoEnglishLeft();
};

void TestInstancesAndWindow::instanceFormSaysWhatIsWrongNextToTheField()
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

void TestInstancesAndWindow::testConnectionSaysWhyItFailed()
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
        QVERIFY2(test->isEnabled(), "Test connection can be pressed again once it answered");
    }
    QVERIFY2(m_services->instances().list()->isEmpty(), "testing stores nothing");
}

void TestInstancesAndWindow::instancesAddedThroughTheForm()
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

void TestInstancesAndWindow::savedInstanceTestAndRemove()
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

void TestInstancesAndWindow::windowRemembersItsPage()
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

void TestInstancesAndWindow::everyControlHasAName()
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
            const bool field = qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w)
                || qobject_cast<QAbstractSpinBox *>(w);
            if (!field || !w->isVisibleTo(root) || w->accessibleName().size() > 0)
                continue;
            if (qobject_cast<QComboBox *>(w->parentWidget()) || qobject_cast<QAbstractSpinBox *>(w->parentWidget()))
                continue; // a combo or spin box's own line edit: the box is the field
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

void TestInstancesAndWindow::chineseWindowHasNoEnglishLeft()
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
        QStringLiteral("dr"), QStringLiteral("app"), QStringLiteral("Ctrl"), QStringLiteral("CSV"),
        // The OCI referrers API and cosign's tag scheme are named as their specifications do.
        QStringLiteral("SBOM"), QStringLiteral("API"), QStringLiteral("referrers"),
        QStringLiteral("cosign"), QStringLiteral("sha"), QStringLiteral("sig"), QStringLiteral("att"),
        QStringLiteral("sbom"),
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

QTEST_MAIN(TestInstancesAndWindow)
#include "tst_gui_instances.moc"
