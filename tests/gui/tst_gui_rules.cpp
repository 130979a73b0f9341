// The console's Rules page and rule form: inline checks, cross-account, live preview, trigger,
// running syncs, the enabled switch, configure, clone and delete.
#include "consoletest.h"

#include "store/rulestore.h"

#include <QKeySequence>
#include <QScrollBar>

class TestRulesPage : public ConsoleTest
{
    Q_OBJECT

private slots:
    void initTestCase() { startRegistries(); }
    void init() { openDataDir(); }
    void cleanup() { closeDataDir(); }

    void ruleFormChecksAsTyped();
    void everyColumnInSightAtFirstStart();
    void crossAccountFormRefusesServiceAccounts();
    void previewFollowsTheFilters();
    void ruleCreatedThroughTheFormSyncs();
    void runningSyncsShowAndWarn();
    void enabledSwitchWritesTheStore();
    void configureChangesEveryField();
    void referrersCheckOnForNewRules();
    void cloneAndDeleteAskAndDo();
};

void TestRulesPage::ruleFormChecksAsTyped()
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

void TestRulesPage::crossAccountFormRefusesServiceAccounts()
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

    // Configured again, the form finds the stored password by itself and previews at once.
    RuleDialog again(*m_services, saved.sourceInstanceId, saved);
    again.show();
    QTRY_VERIFY_WITH_TIMEOUT(again.preview()->status().contains(QStringLiteral("would")), 20000);
    QVERIFY(okEnabled(&again));
    // Nothing changed: Escape closes without asking.
    bool asked = false;
    whenModal([&](QWidget *box) {
        asked = true;
        clickButton(box, QStringLiteral("Discard"));
    }, &again);
    QTest::keyClick(&again, Qt::Key_Escape);
    QTRY_COMPARE(again.result(), int(QDialog::Rejected));
    QVERIFY2(!asked, "an unchanged form does not ask before it closes");
}

void TestRulesPage::previewFollowsTheFilters()
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

void TestRulesPage::everyColumnInSightAtFirstStart()
{
    addInstances();
    const qint64 id = addRuleFrom(QStringLiteral("src"), QStringLiteral("a-rule-with-a-rather-long-name"),
                                  QStringLiteral("mirror/kept-in-the-other-region"),
                                  QStringLiteral("v1\\.[0-9]+|release-.*|hotfix-.*"));
    Result<Rule> stored = m_services->rules().get(id);
    QVERIFY(stored);
    Rule r = *stored;
    r.description = QStringLiteral("Release tags of the application images, kept in the other region");
    QVERIFY(RuleStore(m_services->database()).update(r));
    UiSettings::setValue(QString::fromLatin1(UiSettings::RulesHeader), QByteArray()); // first start
    MainWindow window(*m_services);
    QCOMPARE(window.size(), QSize(1280, 760));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.rulesPage()->selectSource(instanceNamed(QStringLiteral("src")).id);
    auto *table = child<QTableView>(window.rulesPage(), "ruleTable");
    int total = 0;
    for (int column = 0; column < RuleTableModel::ColumnCount; ++column)
        total += table->columnWidth(column);
    QVERIFY2(total <= table->viewport()->width(),
             qPrintable(QStringLiteral("%1 px of columns in %2 px").arg(total).arg(table->viewport()->width())));
    QTest::qWait(50); // the scroll bar's range follows the header's geometry a moment later
    QCOMPARE(table->horizontalScrollBar()->maximum(), 0);
    for (int column = 0; column < RuleTableModel::ColumnCount; ++column)
        QVERIFY2(table->columnWidth(column) >= 56, qPrintable(QString::number(column)));
    // The ten marks of the recent runs fit.
    QVERIFY(table->columnWidth(RuleTableModel::RecentRuns) >= RuleTableModel::RecentRunCount * 14);
}

void TestRulesPage::ruleCreatedThroughTheFormSyncs()
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
    QVERIFY2(rule->withReferrers, "and copies the signatures and SBOMs of what it copies");
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

void TestRulesPage::runningSyncsShowAndWarn()
{
    addInstances();
    // A source behind a slow link, so the syncs are caught while they run.
    ThrottledProxy slow(m_source->port(), 50000); // about 4 s per sync of the namespace
    QVERIFY(addThrottledSource(slow));
    const qint64 first = addRuleFrom(QStringLiteral("slow"), QStringLiteral("first"), QStringLiteral("first"));
    const qint64 second = addRuleFrom(QStringLiteral("slow"), QStringLiteral("second"), QStringLiteral("second"));

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

void TestRulesPage::enabledSwitchWritesTheStore()
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

void TestRulesPage::configureChangesEveryField()
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
        QVERIFY(child<QCheckBox>(dialog, "referrersCheck")->isChecked());
        child<QCheckBox>(dialog, "referrersCheck")->setChecked(false);
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
    QVERIFY(!changed.withReferrers);
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

// The referrers check: on for a new rule, below Overwrite with its hint under it, a mnemonic of
// its own; loaded from the rule; changing it alone is a change Cancel asks about, and OK saves it.
void TestRulesPage::referrersCheckOnForNewRules()
{
    addInstances();
    {
        RuleDialog dialog(*m_services, instanceNamed(QStringLiteral("src")).id, std::nullopt);
        dialog.show();
        auto *check = child<QCheckBox>(&dialog, "referrersCheck");
        QVERIFY(check->isChecked());
        QVERIFY(dialog.draft().withReferrers);
        QVERIFY(!check->text().isEmpty());
        auto *overwrite = child<QCheckBox>(&dialog, "overwriteCheck");
        auto *hint = child<QLabel>(&dialog, "referrersHint");
        QVERIFY(hint->isVisible());
        QVERIFY2(hint->text().contains(QLatin1String("referrers API")), qPrintable(hint->text()));
        const int overwriteY = overwrite->mapTo(&dialog, QPoint()).y();
        const int checkY = check->mapTo(&dialog, QPoint()).y();
        QVERIFY(checkY > overwriteY);
        QVERIFY(hint->mapTo(&dialog, QPoint()).y() >= checkY + check->height());
        check->setChecked(false);
        QVERIFY(!dialog.draft().withReferrers);

        // Alt+letter reaches one field only: no two captions of the form share a mnemonic.
        QHash<QKeySequence, QString> owners;
        QStringList texts;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            if (label->buddy())
                texts << label->text();
        for (QAbstractButton *button : dialog.findChildren<QAbstractButton *>())
            texts << button->text();
        for (const QString &text : std::as_const(texts)) {
            const QKeySequence key = QKeySequence::mnemonic(text);
            if (key.isEmpty())
                continue;
            QVERIFY2(!owners.contains(key),
                     qPrintable(QStringLiteral("%1 and %2 share a mnemonic")
                                    .arg(owners.value(key), text)));
            owners.insert(key, text);
        }
        QVERIFY(owners.contains(QKeySequence::mnemonic(check->text())));
    }

    // A rule stored with it off opens with it off; toggling only it makes Cancel ask.
    const qint64 id = addRule(QStringLiteral("unsigned"), QString());
    Rule stored = *m_services->rules().get(id);
    stored.withReferrers = false;
    QVERIFY(RuleStore(m_services->database()).update(stored));
    MainWindow window(*m_services);
    window.show();
    window.showPage(MainWindow::Page::Rules);
    RulesPage *page = window.rulesPage();
    page->selectSource(instanceNamed(QStringLiteral("src")).id);
    page->selectRule(id);
    bool asked = false;
    whenModal([&](QWidget *dialog) {
        auto *check = child<QCheckBox>(dialog, "referrersCheck");
        QVERIFY(!check->isChecked());
        check->click();
        whenModal([&](QWidget *box) {
            asked = box->objectName() == QLatin1String("discardChangesBox");
            clickButton(box, QStringLiteral("Discard"));
        });
        QTest::keyClick(dialog, Qt::Key_Escape);
    });
    page->configureSelected();
    QVERIFY2(asked, "the referrers check alone is a change");
    QVERIFY(!m_services->rules().get(id)->withReferrers);

    whenModal([](QWidget *dialog) {
        child<QCheckBox>(dialog, "referrersCheck")->click();
        QTRY_VERIFY(okEnabled(dialog));
        child<QPushButton>(dialog, "okButton")->click();
    });
    page->configureSelected();
    QVERIFY(m_services->rules().get(id)->withReferrers);
}

void TestRulesPage::cloneAndDeleteAskAndDo()
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

QTEST_MAIN(TestRulesPage)
#include "tst_gui_rules.moc"
