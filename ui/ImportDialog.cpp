#include "ImportDialog.h"

#include "Accessibility.h"

#include "desk/StaffDesk.h"
#include "inventory/RosterImport.h"
#include "inventory/TokenImport.h"
#include "store/ServerDesk.h"
#include "store/Store.h"
#include "ui_ImportDialog.h"

#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QStyle>

namespace hardtoken {

ImportDialog::ImportDialog(Store& store, Kind kind, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ImportDialog>())
    , m_store(store)
    , m_kind(kind)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("ImportDialog"));
    const bool roster = kind == Kind::Roster;
    for (QWidget* w : { static_cast<QWidget*>(m_ui->encodingCaption), static_cast<QWidget*>(m_ui->encodingCombo),
             static_cast<QWidget*>(m_ui->pruneCheck) })
        w->setVisible(roster);
    for (QWidget* w : { static_cast<QWidget*>(m_ui->keyFileCaption), static_cast<QWidget*>(m_ui->keyFileEdit),
             static_cast<QWidget*>(m_ui->keyFileBrowseButton), static_cast<QWidget*>(m_ui->passphraseCaption),
             static_cast<QWidget*>(m_ui->passphraseEdit), static_cast<QWidget*>(m_ui->prefixCaption),
             static_cast<QWidget*>(m_ui->prefixEdit), static_cast<QWidget*>(m_ui->replaceCheck) })
        w->setVisible(!roster);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &ImportDialog::browse);
    connect(m_ui->keyFileBrowseButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, m_ui->keyFileCaption->text().remove(QLatin1Char('&')), m_ui->keyFileEdit->text(), keyFileFilter());
        if (!path.isEmpty())
            m_ui->keyFileEdit->setText(path);
    });
    m_ui->outcomeLabel->hide();
    connect(m_ui->checkButton, &QPushButton::clicked, this, [this] { run(true); });
    connect(m_ui->importButton, &QPushButton::clicked, this, [this] { run(false); });
    connect(m_ui->closeButton, &QPushButton::clicked, this, &QDialog::accept);
    retranslate();
    resize(760, 560);
}

ImportDialog::~ImportDialog() = default;

QString ImportDialog::reportText() const
{
    return m_ui->reportText->toPlainText();
}

QString ImportDialog::fileFilter(Kind kind)
{
    // PSKC files come as .pskc (RFC 6030's media type application/pskc+xml), .pskcxml or .xml.
    return kind == Kind::Roster ? tr("CSV (*.csv);;すべてのファイル (*)")
                                : tr("PSKC または CSV (*.pskc *.pskcxml *.xml *.csv);;すべてのファイル (*)");
}

QString ImportDialog::keyFileFilter()
{
    return tr("鍵のファイル (*.hex *.key *.txt);;すべてのファイル (*)");
}

void ImportDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, windowTitle(), m_ui->fileEdit->text(), fileFilter(m_kind));
    if (!path.isEmpty())
        m_ui->fileEdit->setText(path);
}

void ImportDialog::useSession(const StaffCredential& staff)
{
    m_session = staff;
    m_ui->staffLoginEdit->setText(staff.login);
    m_ui->staffLoginEdit->setReadOnly(true);
    m_ui->staffCredentialCaption->hide();
    m_ui->staffCredentialEdit->hide();
}

QList<RosterLine> ImportDialog::readRoster(QFile& file, RosterReport* report) const
{
    static const QStringList encodings { QString(), QStringLiteral("utf-8"), QStringLiteral("cp932") };
    return RosterImport::parse(
        file.read(RosterImport::MaxFileBytes + 1), encodings.value(m_ui->encodingCombo->currentIndex()), report);
}

std::optional<QList<TokenLine>> ImportDialog::readTokens(QFile& file, TokenImportReport* report, QString* why) const
{
    TokenImportOptions options;
    options.passphrase = m_ui->passphraseEdit->text().toUtf8();
    options.serialPrefix = m_ui->prefixEdit->text().trimmed();
    if (!m_ui->keyFileEdit->text().isEmpty()) {
        const auto key = TokenImport::readPreSharedKey(m_ui->keyFileEdit->text(), why);
        if (!key)
            return std::nullopt;
        options.preSharedKey = *key;
    }
    return TokenImport::parse(file.read(TokenImport::MaxFileBytes + 1), options, report);
}

QStringList ImportDialog::importFile(QFile& file, bool check, const QString& actor, bool* ok, bool* written)
{
    // At a desk with no key the server imports, in the desk's session, the file's name as the
    // audit's reason; a check is the desk's own reading of the file.
    const bool onServer = m_store.isDesk();
    const QString session = m_session ? m_session->credential : QString();
    const QString reason = tr("ファイル %1").arg(QFileInfo(file.fileName()).fileName());
    if (m_kind == Kind::Roster) {
        RosterReport r;
        const QList<RosterLine> lines = readRoster(file, &r);
        const bool prune = m_ui->pruneCheck->isChecked();
        *ok = !onServer ? RosterImport::apply(m_store, lines, prune, check, actor, &r)
            : check     ? !lines.isEmpty() && r.refused.isEmpty()
                        : RosterImport::applyThroughServer(*m_store.serverDesk(), session, lines, prune, reason, &r);
        *written = r.written;
        return r.describe();
    }
    TokenImportReport r;
    QString why;
    auto lines = readTokens(file, &r, &why);
    if (!lines)
        return { why };
    const bool replace = m_ui->replaceCheck->isChecked();
    if (!onServer) {
        *ok = TokenImport::apply(m_store, std::move(*lines), replace, check, actor, &r);
    } else if (check) {
        *ok = !lines->isEmpty() && !r.refusedAny();
        for (TokenLine& l : *lines)
            l.secret.fill('\0');
    } else {
        *ok = TokenImport::applyThroughServer(*m_store.serverDesk(), session, std::move(*lines), replace, reason, &r);
    }
    *written = r.written;
    return r.describe();
}

void ImportDialog::run(bool check)
{
    QStringList report;
    // The report, and its verdict (its last line) said at once: a screen-reader user hears whether
    // it went through, then finds the details where the focus goes (unless a field is at fault).
    const auto finish = [&](bool good = false) {
        m_ui->staffCredentialEdit->clear();
        m_ui->passphraseEdit->clear();
        m_ui->reportText->setPlainText(report.join(QLatin1Char('\n')));
        m_ui->outcomeLabel->setText(report.value(report.size() - 1));
        m_ui->outcomeLabel->setProperty("role", good ? QStringLiteral("info") : QStringLiteral("error"));
        m_ui->outcomeLabel->style()->unpolish(m_ui->outcomeLabel);
        m_ui->outcomeLabel->style()->polish(m_ui->outcomeLabel);
        m_ui->outcomeLabel->show();
        announceAlert(m_ui->outcomeLabel);
        m_ui->reportText->setFocus(Qt::OtherFocusReason);
    };
    QFile file(m_ui->fileEdit->text());
    if (m_ui->fileEdit->text().isEmpty() || !file.open(QIODevice::ReadOnly)) {
        report << tr("ファイルを開けません: %1")
                      .arg(m_ui->fileEdit->text().isEmpty() ? tr("（未指定）") : file.errorString());
        finish();
        m_ui->fileEdit->setFocus();
        return;
    }
    QString actor = QStringLiteral("console");
    if (!m_store.isTrainingStore() && !m_store.isDesk()) {
        const Outcome o = StaffDesk(m_store).signIn(
            m_session.value_or(
                StaffCredential { m_ui->staffLoginEdit->text().trimmed(), m_ui->staffCredentialEdit->text() }),
            StaffPurpose::Import, &actor);
        if (!o.ok()) {
            report << o.message;
            finish();
            m_ui->staffCredentialEdit->setFocus();
            return;
        }
    }
    bool ok = false;
    bool written = false;
    report << importFile(file, check, actor, &ok, &written);
    report << (!ok ? tr("取り込みは行われませんでした。データベースは変更されていません。")
            : written ? tr("取り込みました。")
                      : tr("確認のみ: データベースは変更していません。"));
    finish(ok);
    if (written)
        Q_EMIT imported();
}

void ImportDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ImportDialog::retranslate()
{
    const int encoding = m_ui->encodingCombo->currentIndex();
    m_ui->retranslateUi(this);
    m_ui->encodingCombo->clear();
    m_ui->encodingCombo->addItems(
        { tr("自動判定（UTF-8 または Shift_JIS）"), QStringLiteral("UTF-8"), QStringLiteral("Shift_JIS (CP932)") });
    m_ui->encodingCombo->setCurrentIndex(qMax(0, encoding));
    const bool roster = m_kind == Kind::Roster;
    setWindowTitle(roster ? tr("名簿の取り込み") : tr("トークンの取り込み"));
    m_ui->descriptionLabel->setText(roster
            ? tr("銀行の名簿（契約法人コード、契約法人名、利用者ID、利用者名、表示順の列がある CSV）を取り込みます。"
                 "すべての行が正しいときだけ、まとめて書き込みます。")
            : tr("ベンダーのトークン（PSKC または CSV）を取り込みます。MAC が 1 つでも一致しないファイルは、"
                 "まったく取り込みません。"));
    m_ui->staffLoginEdit->setEnabled(!m_store.isTrainingStore());
    m_ui->staffCredentialEdit->setEnabled(!m_store.isTrainingStore());
}

} // namespace hardtoken
