#include "AuditViewerDialog.h"

#include "Accessibility.h"
#include "desk/StaffDesk.h"
#include "store/AuditExport.h"
#include "tables/AuditLogModel.h"
#include "ui_AuditViewerDialog.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QPushButton>

namespace hardtoken {

namespace {
AuditFilter filterFrom(const Ui::AuditViewerDialog& ui)
{
    AuditFilter f;
    f.corporationCode = ui.corporationEdit->text().trimmed();
    f.user = ui.userEdit->text().trimmed();
    f.serial = ui.serialEdit->text().trimmed();
    f.action = ui.actionEdit->text().trimmed();
    f.actor = ui.actorEdit->text().trimmed();
    if (ui.periodCheck->isChecked()) {
        f.from = ui.fromEdit->date();
        f.to = ui.toEdit->date();
    }
    return f;
}
} // namespace

AuditViewerDialog::AuditViewerDialog(Store& store, QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AuditViewerDialog>())
    , m_store(store)
    , m_model(new AuditLogModel(store, this))
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("AuditViewerDialog"));
    m_ui->auditTable->setModel(m_model);
    m_ui->auditTable->verticalHeader()->hide();
    m_ui->auditTable->horizontalHeader()->setStretchLastSection(true);
    const QDate today = QDate::currentDate();
    m_ui->fromEdit->setDate(today.addDays(-30));
    m_ui->toEdit->setDate(today);
    connect(m_ui->periodCheck, &QCheckBox::toggled, m_ui->fromEdit, &QWidget::setEnabled);
    connect(m_ui->periodCheck, &QCheckBox::toggled, m_ui->toEdit, &QWidget::setEnabled);
    connect(m_ui->searchButton, &QPushButton::clicked, this, &AuditViewerDialog::search);
    // Return in a filter field searches (not the dialog's default button).
    for (QLineEdit* e : { m_ui->corporationEdit, m_ui->userEdit, m_ui->serialEdit, m_ui->actionEdit, m_ui->actorEdit })
        connect(e, &QLineEdit::returnPressed, this, &AuditViewerDialog::search);
    connect(m_ui->staffCredentialEdit, &QLineEdit::returnPressed, this, &AuditViewerDialog::exportCsv);
    connect(m_ui->exportButton, &QPushButton::clicked, this, &AuditViewerDialog::exportCsv);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Return belongs to the field it is pressed in (search, or export): no default button.
    for (QAbstractButton* b : m_ui->buttonBox->buttons()) {
        if (auto* push = qobject_cast<QPushButton*>(b)) {
            push->setAutoDefault(false);
            push->setDefault(false);
        }
    }
    m_choosePath = [this] {
        return QFileDialog::getSaveFileName(this, tr("監査ログの書き出し"),
            QDir::home().filePath(QStringLiteral("audit-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate))),
            tr("CSV (*.csv)"));
    };
    m_ui->buttonBox->button(QDialogButtonBox::Close)->setText(tr("閉じる"));
    resize(1000, 640);
    search();
}

AuditViewerDialog::~AuditViewerDialog() = default;

void AuditViewerDialog::showMessage(const QString& text, bool error)
{
    m_ui->messageLabel->setProperty("role", error ? QStringLiteral("error") : QStringLiteral("info"));
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setVisible(!text.isEmpty());
    // Said at once, wherever the focus is: whether the export went through is not left for a
    // screen-reader user to find.
    if (!text.isEmpty())
        announceAlert(m_ui->messageLabel);
}

void AuditViewerDialog::search()
{
    m_model->setFilter(filterFrom(*m_ui));
    m_ui->auditTable->resizeColumnsToContents();
    m_ui->resultLabel->setText(tr("%1 件").arg(m_model->rowCount()));
}

void AuditViewerDialog::useSession(const StaffCredential& staff)
{
    m_session = staff;
    m_ui->staffLoginEdit->setText(staff.login);
    m_ui->staffLoginEdit->setReadOnly(true);
    m_ui->staffCredentialCaption->hide();
    m_ui->staffCredentialEdit->hide();
}

void AuditViewerDialog::exportCsv()
{
    showMessage({}, false);
    if (m_ui->staffLoginEdit->text().trimmed().isEmpty()) {
        showMessage(tr("書き出すには、担当者IDとパスワードを入力してください。"), true);
        m_ui->staffLoginEdit->setFocus();
        return;
    }
    const QString path = m_choosePath ? m_choosePath() : QString();
    if (path.isEmpty())
        return;
    AuditExport::Result result;
    const Outcome o = StaffDesk(m_store).exportAudit(
        m_session.value_or(
            StaffCredential { m_ui->staffLoginEdit->text().trimmed(), m_ui->staffCredentialEdit->text() }),
        filterFrom(*m_ui), path, &result);
    m_ui->staffCredentialEdit->clear();
    if (!o.ok()) {
        showMessage(o.message, true);
        return;
    }
    showMessage(tr("監査ログは正常です（%1 件）。%2 件を %3 に書き出しました。\nSHA-256: %4")
                    .arg(result.verifiedEntries)
                    .arg(result.rows)
                    .arg(QDir::toNativeSeparators(path), result.sha256),
        false);
    search(); // the export is itself in the log now
}

void AuditViewerDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_ui->buttonBox->button(QDialogButtonBox::Close)->setText(tr("閉じる"));
        m_model->retranslate();
    }
    QDialog::changeEvent(event);
}

} // namespace hardtoken
