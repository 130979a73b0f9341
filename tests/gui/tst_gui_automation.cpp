// Automatic sync in the window: with it on, a push to a registry that notifies the window's
// listener reaches the target by itself and shows in the logs page with trigger "event"; the
// settings show the webhook URL, the secret and a registry snippet that work; turning it off
// stops the listener.
#include "automation/automation.h"
#include "consoletest.h"
#include "instances/instancedialog.h"
#include "logs/logspage.h"
#include "logs/tasktablemodel.h"
#include "rules/ruledialog.h"
#include "rules/rulespage.h"
#include "rules/ruletablemodel.h"
#include "store/eventstore.h"
#include "settings/settingsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>

class TestAutomationWindow : public ConsoleTest
{
    Q_OBJECT

private slots:
    void initTestCase() { startRegistries(); }
    void init() { openDataDir(); }
    void cleanup()
    {
        closeDataDir();
        UiSettings::setAutomaticSync(false);
    }

    void pushesReplicateWhileTheWindowRuns();
    void settingsTurnItOff();
    void ruleFormTakesASchedule();
    void rulesPageSaysHowEachRuleIsSynced();
    void instanceFormSetsThePollInterval();
};

void TestAutomationWindow::rulesPageSaysHowEachRuleIsSynced()
{
    addInstances();
    const qint64 timed = addRule(QStringLiteral("timed"), QString());
    const qint64 plain = addRule(QStringLiteral("plain"), QString());
    QVERIFY(ScheduleStore(m_services->database()).set(timed, QStringLiteral("every 2h")));
    MainWindow window(*m_services);
    window.show();
    window.rulesPage()->selectSource(instanceNamed(QStringLiteral("src")).id);
    RuleTableModel *model = window.rulesPage()->model();
    auto triggers = [&](qint64 rule) {
        return model->index(model->rowOf(rule), RuleTableModel::Triggers).data().toString();
    };
    QVERIFY2(triggers(timed).contains(QLatin1String("every 2 hour")), qPrintable(triggers(timed)));
    QCOMPARE(triggers(plain), QStringLiteral("by hand")); // automatic sync is off in these tests
    QVERIFY(PollStore(m_services->database()).setInterval(instanceNamed(QStringLiteral("src")).id, 60));
    UiSettings::setAutomaticSync(true);
    UiSettings::setText(QString::fromLatin1(UiSettings::WebhookListen), QStringLiteral("127.0.0.1:0"));
    window.rulesPage()->refresh();
    QCOMPARE(triggers(plain), QStringLiteral("push events, poll every 60 s"));
    QVERIFY2(triggers(timed).startsWith(QLatin1String("push events, poll every 60 s, every 2 hour")),
             qPrintable(triggers(timed)));
    // A disabled rule is passed by: only a click syncs it.
    QVERIFY(m_services->rules().setEnabled(timed, false));
    window.rulesPage()->refresh();
    QCOMPARE(triggers(timed), QStringLiteral("by hand"));
    QCOMPARE(model->headerData(RuleTableModel::Triggers, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Synced by"));
}

void TestAutomationWindow::instanceFormSetsThePollInterval()
{
    addInstances();
    const Instance src = instanceNamed(QStringLiteral("src"));
    {
        InstanceDialog dialog(*m_services, src);
        dialog.show();
        auto *poll = child<QSpinBox>(&dialog, "pollIntervalSpin");
        QCOMPARE(poll->value(), 0);
        QCOMPARE(poll->text(), QStringLiteral("Off"));
        QVERIFY(okEnabled(&dialog));
        poll->setValue(5); // too often: refused next to the field
        QVERIFY2(errorText(&dialog, "pollInterval").contains(QLatin1String("10 s")),
                 qPrintable(errorText(&dialog, "pollInterval")));
        QVERIFY(!okEnabled(&dialog));
        poll->setValue(90);
        QVERIFY(errorText(&dialog, "pollInterval").isEmpty());
        QVERIFY(okEnabled(&dialog));
        child<QPushButton>(&dialog, "okButton")->click();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QCOMPARE(*PollStore(m_services->database()).interval(src.id), 90);
    {
        // It opens with the stored interval, and 0 turns polling off again.
        InstanceDialog dialog(*m_services, src);
        dialog.show();
        auto *poll = child<QSpinBox>(&dialog, "pollIntervalSpin");
        QCOMPARE(poll->value(), 90);
        poll->setValue(0);
        child<QPushButton>(&dialog, "okButton")->click();
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
    }
    QCOMPARE(*PollStore(m_services->database()).interval(src.id), 0);
}

void TestAutomationWindow::ruleFormTakesASchedule()
{
    addInstances();
    RuleDialog dialog(*m_services, instanceNamed(QStringLiteral("src")).id, std::nullopt);
    dialog.show();
    type(child<QLineEdit>(&dialog, "nameEdit"), QStringLiteral("timed"));
    auto *ns = child<QComboBox>(&dialog, "namespaceBox");
    QTRY_VERIFY_WITH_TIMEOUT(ns->findText(QStringLiteral("team")) >= 0, 10000);
    type(ns->lineEdit(), QStringLiteral("team"));
    QTRY_VERIFY(okEnabled(&dialog));
    auto *nextRun = child<QLabel>(&dialog, "nextRunLabel");
    QVERIFY2(nextRun->text().contains(QLatin1String("by hand")), qPrintable(nextRun->text()));

    // Refused next to the field as typed; then a schedule says when it next runs.
    type(child<QLineEdit>(&dialog, "scheduleEdit"), QStringLiteral("sometimes"));
    QVERIFY2(!errorText(&dialog, "schedule").isEmpty(), "not a schedule");
    QVERIFY(!okEnabled(&dialog));
    type(child<QLineEdit>(&dialog, "scheduleEdit"), QStringLiteral("every 30m"));
    QVERIFY(errorText(&dialog, "schedule").isEmpty());
    QVERIFY(okEnabled(&dialog));
    QVERIFY2(nextRun->text().contains(QLatin1String("next run")), qPrintable(nextRun->text()));
    dialog.accept();
    QTRY_VERIFY(!dialog.isVisible());
    const Rule saved = m_services->rules().find(QStringLiteral("timed")).value();
    QCOMPARE(ScheduleStore(m_services->database()).get(saved.id).value()->spec, QStringLiteral("every 30m"));

    // Opened again: the schedule is there; emptied: it is gone.
    RuleDialog again(*m_services, saved.sourceInstanceId, saved);
    again.show();
    QCOMPARE(child<QLineEdit>(&again, "scheduleEdit")->text(), QStringLiteral("every 30m"));
    type(child<QLineEdit>(&again, "scheduleEdit"), QString());
    QTRY_VERIFY(okEnabled(&again));
    again.accept();
    QTRY_VERIFY(!again.isVisible());
    QVERIFY(!ScheduleStore(m_services->database()).get(saved.id).value().has_value());
}

void TestAutomationWindow::pushesReplicateWhileTheWindowRuns()
{
    UiSettings::setAutomaticSync(true);
    UiSettings::setText(QString::fromLatin1(UiSettings::WebhookListen), QStringLiteral("127.0.0.1:0"));
    addInstances();
    MainWindow window(*m_services);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.automation() != nullptr, 15000);
    auto *state = window.findChild<QLabel *>(QStringLiteral("automationLabel"));
    QTRY_COMPARE(state->text(), QStringLiteral("Automatic sync: on"));
    const QString url = window.automation()->webhookUrl();
    QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")) && !url.contains(QLatin1String(":0/")), qPrintable(url));

    // The settings show what a registry needs: this URL, the keychain's secret, a snippet.
    SettingsDialog settings(*m_services, window.automation(), &window);
    settings.show();
    auto *secretEdit = settings.findChild<QLineEdit *>(QStringLiteral("webhookSecretEdit"));
    QTRY_COMPARE(secretEdit->text().size(), 64);
    QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);
    QCOMPARE(settings.findChild<QLineEdit *>(QStringLiteral("webhookUrlEdit"))->text(), url);
    auto *snippetEdit = settings.findChild<QPlainTextEdit *>(QStringLiteral("registrySnippet"));
    // Hidden until asked for, in the field and in the snippet alike.
    QVERIFY(!snippetEdit->toPlainText().contains(secretEdit->text()));
    QPushButton *show = nullptr;
    for (QPushButton *b : settings.findChildren<QPushButton *>())
        if (b->accessibleName() == QLatin1String("Show the webhook secret"))
            show = b;
    QVERIFY(show);
    show->click();
    QCOMPARE(secretEdit->echoMode(), QLineEdit::Normal);
    const QString snippet = snippetEdit->toPlainText();
    QVERIFY2(snippet.contains(url) && snippet.contains(QLatin1String("Bearer ") + secretEdit->text()), qPrintable(snippet));
    const QString secret = secretEdit->text();
    settings.reject();

    // A registry configured with exactly that snippet notifies the window.
    RegistryFixture::Options options;
    options.mode = RegistryFixture::Mode::PlainHttp;
    options.extraConfigYaml = snippet;
    RegistryFixture notifying(options);
    QString error;
    QVERIFY2(notifying.start(&error), qPrintable(error));
    Instance source;
    source.name = QStringLiteral("pushed");
    source.url = notifying.url();
    source.allowHttp = true;
    source.accountId = QStringLiteral("100");
    bool added = false;
    m_services->instances().add(source, std::nullopt, [&](Result<Instance> r) { added = bool(r); });
    QTRY_VERIFY(added);
    QVERIFY(addRuleFrom(QStringLiteral("pushed"), QStringLiteral("follow"), QStringLiteral("followed")) > 0);

    window.showPage(MainWindow::Page::Logs);
    OciLayout layout(m_layoutDir.filePath(QStringLiteral("pushed")));
    const OciLayout::Built image = layout.image({ "pushed while the window runs" });
    layout.tag(image, QStringLiteral("v1"));
    QElapsedTimer clock;
    clock.start();
    QVERIFY2(layout.push(notifying, QStringLiteral("v1"), QStringLiteral("team/app:v1"), &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(m_target->inspectDigest(QStringLiteral("followed/app:v1")), image.digest, 20000);
    qInfo("replicated %lld ms after the push started", clock.elapsed());
    TaskTableModel *model = window.logsPage()->model();
    QTRY_VERIFY(model->rowCount() == 1);
    QCOMPARE(model->index(0, TaskTableModel::Trigger).data().toString(), QStringLiteral("event"));
    QTRY_COMPARE(model->index(0, TaskTableModel::Status).data(TaskTableModel::StatusRole).toInt(),
                 int(TaskStatus::Succeeded));
    Q_UNUSED(secret)
}

void TestAutomationWindow::settingsTurnItOff()
{
    UiSettings::setAutomaticSync(true);
    UiSettings::setText(QString::fromLatin1(UiSettings::WebhookListen), QStringLiteral("127.0.0.1:0"));
    MainWindow window(*m_services);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.automation() != nullptr, 15000);
    const QUrl url(window.automation()->webhookUrl());

    // A bad address is refused next to its field; the dialog stays.
    SettingsDialog settings(*m_services, window.automation(), &window);
    settings.show();
    auto *listen = settings.findChild<QLineEdit *>(QStringLiteral("webhookListenEdit"));
    auto *listenError = settings.findChild<QLabel *>(QStringLiteral("webhookListenError"));
    listen->setText(QStringLiteral("not an address"));
    QVERIFY(listenError->isVisible());
    QVERIFY(!listenError->text().isEmpty());
    settings.accept();
    QVERIFY(settings.isVisible());
    listen->setText(QStringLiteral("127.0.0.1:0"));
    QVERIFY(!listenError->isVisible());
    settings.findChild<QCheckBox *>(QStringLiteral("automaticSyncCheck"))->setChecked(false);
    settings.accept();
    QVERIFY(settings.automationChanged());
    window.applyAutomationSettings();
    QVERIFY(window.automation() == nullptr);
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("automationLabel"))->text(),
             QStringLiteral("Automatic sync: off"));
    // Nobody listens there any more.
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.post(QNetworkRequest(url), QByteArray("{}"));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);
    reply->deleteLater();
}

QTEST_MAIN(TestAutomationWindow)
#include "tst_gui_automation.moc"
