#include "instances/connectionreportview.h"

#include "service/connectiontest.h"

#include <QLabel>
#include <QVBoxLayout>

namespace crsync {

namespace {
QString line(bool good, const QString &text)
{
    return QStringLiteral("<p style='margin:2px 0'>%1 %2</p>")
        .arg(good ? QStringLiteral("<span style='color:#1e8e3e'>✓</span>")
                  : QStringLiteral("<span style='color:#c5221f'>✕</span>"),
             text.toHtmlEscaped());
}
} // namespace

ConnectionReportView::ConnectionReportView(QWidget *parent) : QWidget(parent)
{
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("connectionReportText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    clear();
}

void ConnectionReportView::showRunning(const QString &instanceName)
{
    const QString text = tr("Testing the connection to %1…").arg(instanceName);
    m_text->setText(text.toHtmlEscaped());
    m_text->setAccessibleName(text);
}

void ConnectionReportView::clear()
{
    m_text->setText(tr("Test connection checks that the registry answers, that it accepts the "
                       "login, and which repositories it shows."));
    m_text->setAccessibleName(QString());
}

QString ConnectionReportView::text() const
{
    return m_text->accessibleName();
}

QString ConnectionReportView::summary(const ConnectionReport &r)
{
    if (!r.error) {
        if (r.credentials == ConnectionReport::Credentials::Missing)
            return tr("Reachable; login not tested (no password)");
        return r.repositories
            ? tr("OK, %n repository(s) visible", nullptr, *r.repositories)
            : tr("OK (the catalog is not open to this user)");
    }
    switch (r.error->kind) {
    case Error::Kind::Tls:
        return tr("Failed: the certificate did not verify");
    case Error::Kind::Network:
        return tr("Failed: not reachable");
    case Error::Kind::Auth:
        if (r.credentials == ConnectionReport::Credentials::Withheld)
            return tr("Failed: password withheld from a plain-HTTP token service");
        return r.credentials == ConnectionReport::Credentials::Missing
            ? tr("Failed: no password in the keychain")
            : tr("Failed: login refused");
    default:
        return tr("Failed");
    }
}

void ConnectionReportView::showReport(const ConnectionReport &r)
{
    QString html;
    QStringList plain;
    auto add = [&](bool good, const QString &text) {
        html += line(good, text);
        plain << text;
    };
    if (r.reachable) {
        add(true, tr("Reachable: the registry answered at %1 (HTTP %2).")
                      .arg(r.instance.url.toString())
                      .arg(r.ping.httpStatus));
        switch (r.credentials) {
        case ConnectionReport::Credentials::Accepted:
            add(true, tr("Login accepted for user %1.").arg(r.instance.username));
            break;
        case ConnectionReport::Credentials::Refused:
            add(false, tr("Login refused for user %1.").arg(r.instance.username));
            break;
        case ConnectionReport::Credentials::Missing:
            add(false, tr("Login not tested: type the password of user %1.")
                           .arg(r.instance.username));
            break;
        case ConnectionReport::Credentials::Withheld:
            add(false, tr("Login not tried: the password of user %1 is not sent to a token "
                          "service over plain HTTP on another host.")
                           .arg(r.instance.username));
            break;
        case ConnectionReport::Credentials::Anonymous:
            add(true, r.ping.authScheme.isEmpty() ? tr("No login needed.")
                                                  : tr("Anonymous access (no username)."));
            break;
        }
        if (r.repositories)
            add(true, tr("%n repository(s) visible.", nullptr, *r.repositories));
        else if (!r.catalogError.isEmpty() && !r.error)
            add(true, tr("The catalog is not open to this user (normal for Harbor and TCR): rules "
                         "on this source sync the repositories their filter names, as in "
                         "web|api|worker."));
    } else if (r.error) {
        add(false, tr("Not reachable."));
    }
    if (r.error) {
        add(false, r.error->message);
        const QString advice = r.advice();
        if (!advice.isEmpty()) {
            html += QStringLiteral("<p style='margin:6px 0 2px 0'><b>%1</b> %2</p>")
                        .arg(tr("What to do:").toHtmlEscaped(), advice.toHtmlEscaped());
            plain << tr("What to do:") + QLatin1Char(' ') + advice;
        }
    }
    m_text->setText(html);
    m_text->setAccessibleName(plain.join(QLatin1Char(' ')));
}

} // namespace crsync
